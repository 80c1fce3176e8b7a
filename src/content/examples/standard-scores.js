// Turns 500 measurements into standard scores (how many standard deviations
// each one lies from the mean), then reports the largest ones.
// It gives the right answer, slowly. A profile shows why.

function mean(values) {
  let sum = 0;
  for (const value of values) sum += value;
  return sum / values.length;
}

function standardDeviation(values) {
  const centre = mean(values);
  let sumOfSquares = 0;
  for (const value of values) sumOfSquares += (value - centre) ** 2;
  return Math.sqrt(sumOfSquares / values.length);
}

function standardScores(values) {
  return values.map((value) => (value - mean(values)) / standardDeviation(values));
}

function measurements(count) {
  const values = [];
  for (let i = 0; i < count; i++) values.push(20 + 5 * Math.sin(i) + Math.random());
  return values;
}

const scores = standardScores(measurements(500));
const outliers = scores.filter((score) => Math.abs(score) > 1.4);
console.log(`${outliers.length} of ${scores.length} values lie more than 1.4 standard deviations out`);
console.log('largest score:', Math.max(...scores).toFixed(4));
