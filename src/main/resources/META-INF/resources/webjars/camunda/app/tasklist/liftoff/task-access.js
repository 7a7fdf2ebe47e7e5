// Liftoff in Tasklist: when a task is opened by its link (#/?task=<id>), ask Liftoff whether the
// person logged in may work on it. Tasklist alone says "The task does not exist anymore" for a
// task someone may not see; a person shut out by the four-eyes rule is told why instead.

const PANEL_ID = 'liftoff-task-refusal';
const ACCESS = '/tasklist-session/tasks/';

function openedTaskId() {
  const hash = window.location.hash || '';
  const query = hash.indexOf('?') >= 0 ? hash.substring(hash.indexOf('?') + 1) : '';
  return new URLSearchParams(query).get('task');
}

function removePanel() {
  const panel = document.getElementById(PANEL_ID);
  if (panel) {
    panel.remove();
  }
}

function showRefusal(message) {
  removePanel();
  const panel = document.createElement('div');
  panel.id = PANEL_ID;
  panel.className = 'alert alert-danger';
  panel.setAttribute('role', 'alert');
  panel.style.cssText = 'position: fixed; top: 110px; right: 24px; width: 560px; z-index: 2000;'
    + 'font-size: 15px; box-shadow: 0 2px 8px rgba(0,0,0,.25);';
  const title = document.createElement('strong');
  title.textContent = 'You may not work on this task';
  const text = document.createElement('p');
  text.style.marginTop = '6px';
  text.textContent = message;
  panel.append(title, text);
  document.body.appendChild(panel);
}

async function explain() {
  const taskId = openedTaskId();
  if (!taskId) {
    removePanel();
    return;
  }
  try {
    const reply = await fetch(ACCESS + encodeURIComponent(taskId) + '/access', {
      credentials: 'same-origin',
      headers: {Accept: 'application/json'}
    });
    if (openedTaskId() !== taskId) {
      return; // another task was opened meanwhile
    }
    if (!reply.ok) {
      removePanel();
      return;
    }
    const answer = await reply.json();
    if (answer.allowed) {
      removePanel();
    } else {
      showRefusal(answer.message);
    }
  } catch (unreachable) {
    removePanel();
  }
}

window.addEventListener('hashchange', explain);
explain();

export default [];
