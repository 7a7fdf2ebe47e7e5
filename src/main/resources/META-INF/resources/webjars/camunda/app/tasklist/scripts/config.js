// Tasklist configuration of Liftoff. It replaces the one inside Camunda's webapp jar, so it
// repeats the keyboard shortcuts Tasklist shows, and loads Liftoff's own script.
export default {
  customScripts: [
    // tells a person who opens a task link why they may not work on it (liftoff/task-access.js)
    'liftoff/task-access',
    // keeps Complete usable on forms with a dynamic list, such as UAT's issues (liftoff/dynamic-list-complete.js)
    'liftoff/dynamic-list-complete'
  ],
  shortcuts: {
    claimTask: {key: 'ctrl+alt+c', description: 'claims the selected task'},
    focusFilter: {key: 'ctrl+shift+f', description: 'moves the focus to the first filter'},
    focusList: {key: 'ctrl+alt+l', description: 'moves the focus to the first task in the list'},
    focusForm: {key: 'ctrl+alt+f', description: 'moves the focus to the first field of the task form'},
    startProcess: {key: 'ctrl+alt+p', description: 'opens the start process dialog'}
  }
};
