/** The exercise UI's plain buttons (the exercise element and the progress page share them). */
export function button(label: string, className: string): HTMLButtonElement {
  const element = document.createElement('button');
  element.type = 'button';
  element.className = `wb-exercise-button ${className}`;
  element.textContent = label;
  return element;
}
