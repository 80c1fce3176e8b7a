// Three ways to build one long text from many short lines. In many languages,
// adding to the end of a string copies the whole string every time, so the
// loop slows down as the text grows. Measure what this engine does.
function line(i) {
  return 'sample ' + i + '\n';
}

function appendEach(count) {
  let text = '';
  for (let i = 0; i < count; i++) text += line(i);
  return text;
}

function prependEach(count) {
  let text = '';
  for (let i = count - 1; i >= 0; i--) text = line(i) + text;
  return text;
}

function joinOnce(count) {
  const lines = [];
  for (let i = 0; i < count; i++) lines.push(line(i));
  return lines.join('');
}

console.log('same text:', appendEach(1_000) === joinOnce(1_000) && prependEach(1_000) === joinOnce(1_000));

const sizes = [2_000, 4_000, 8_000, 16_000];
growth(appendEach, sizes);
growth(prependEach, sizes);
growth(joinOnce, sizes);
