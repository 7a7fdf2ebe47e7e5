// Liftoff in Tasklist: Tasklist 7.24's forms (form-js) leave an empty entry in their list of errors
// for every field that is edited inside a dynamic list (bpmn-io/form-js#1494), and Tasklist keeps
// the Complete button disabled while that list has any entry: a UAT tester who reports an issue
// could not complete the task. After each edit of a form that has a dynamic list, once the form
// shows no error, this enables Complete again. Complete itself still validates the whole form, and
// shows what is missing, before it submits anything.

const COMPLETE = "button[ng-click='complete()']";

function editableFormWithDynamicList() {
  const form = document.querySelector('.fjs-form');
  if (!form || !form.querySelector('.fjs-form-field-dynamiclist')) {
    return null;
  }
  // a task that is not claimed shows its form read-only: Tasklist's own rules apply there
  const editable = form.querySelector('input:not([disabled]):not([readonly]), textarea:not([disabled]):not([readonly])');
  return editable ? form : null;
}

function enableComplete() {
  const form = editableFormWithDynamicList();
  const button = document.querySelector(COMPLETE);
  if (form && button && button.disabled && !form.querySelector('.fjs-has-errors')) {
    button.disabled = false;
  }
}

function afterEdit(event) {
  if (event.target.closest && event.target.closest('.fjs-form')) {
    // after Tasklist has handled the form's change
    setTimeout(enableComplete, 50);
    setTimeout(enableComplete, 400);
  }
}

['input', 'change', 'click', 'keyup'].forEach(type => document.addEventListener(type, afterEdit, true));

export default [];
