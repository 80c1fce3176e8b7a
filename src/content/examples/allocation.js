// The mean distance of 20,000 points from a centre, three ways. The arithmetic
// is the same; what differs is how many short-lived objects each loop creates.
const points = Array.from({ length: 20_000 }, () => ({ x: Math.random(), y: Math.random() }));
const cx = 0.5;
const cy = 0.5;

// A new object for every point, thrown away straight after.
function offset(p) {
  return { dx: p.x - cx, dy: p.y - cy };
}
function meanDistanceWithObjects(ps) {
  let total = 0;
  for (const p of ps) {
    const o = offset(p);
    total += Math.sqrt(o.dx * o.dx + o.dy * o.dy);
  }
  return total / ps.length;
}

// A new two-element array for every point, unpacked at once.
function meanDistanceWithPairs(ps) {
  let total = 0;
  for (const p of ps) {
    const [dx, dy] = [p.x - cx, p.y - cy];
    total += Math.sqrt(dx * dx + dy * dy);
  }
  return total / ps.length;
}

// Plain local numbers: nothing is allocated inside the loop.
function meanDistanceInline(ps) {
  let total = 0;
  for (const p of ps) {
    const dx = p.x - cx;
    const dy = p.y - cy;
    total += Math.sqrt(dx * dx + dy * dy);
  }
  return total / ps.length;
}

const expected = meanDistanceInline(points);
console.log('mean distance:', expected.toFixed(6));
console.log('same result:', meanDistanceWithObjects(points) === expected && meanDistanceWithPairs(points) === expected);

compare({
  objects: () => meanDistanceWithObjects(points),
  pairs: () => meanDistanceWithPairs(points),
  inline: () => meanDistanceInline(points),
});
