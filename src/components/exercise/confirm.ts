/**
 * An inline confirmation (no modal): a short question and two buttons placed
 * right after the control that asked. Escape or the second button says no.
 * Focus goes to the question's first button, and back to the asking control.
 */
export interface ConfirmText {
  message: string;
  confirm: string;
  cancel: string;
}

export function confirmInline(trigger: HTMLElement, text: ConfirmText): Promise<boolean> {
  trigger.parentElement?.querySelector(':scope > .wb-confirm')?.remove();
  return new Promise((resolve) => {
    const box = document.createElement('div');
    box.className = 'wb-confirm';
    box.setAttribute('role', 'group');
    box.setAttribute('aria-label', text.message);
    const message = document.createElement('p');
    message.textContent = text.message;
    const yes = document.createElement('button');
    yes.type = 'button';
    yes.className = 'wb-exercise-button wb-confirm-yes';
    yes.textContent = text.confirm;
    const no = document.createElement('button');
    no.type = 'button';
    no.className = 'wb-exercise-button wb-confirm-no';
    no.textContent = text.cancel;
    const buttons = document.createElement('div');
    buttons.className = 'wb-confirm-buttons';
    buttons.append(yes, no);
    box.append(message, buttons);

    const done = (answer: boolean) => {
      box.remove();
      if (!answer || trigger.isConnected) trigger.focus();
      resolve(answer);
    };
    yes.addEventListener('click', () => done(true));
    no.addEventListener('click', () => done(false));
    box.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') {
        event.preventDefault();
        done(false);
      }
    });
    trigger.insertAdjacentElement('afterend', box);
    yes.focus();
  });
}
