/** The host-side bounds on what crosses from the VM: pure functions, then through a real run. */
import { describe, expect, it } from 'vitest';
import { createConsoleOutput } from '../../../src/sandbox/engine/output';
import { boundErrorText, parseCollected, parseTiming } from '../../../src/sandbox/engine/vm-read';
import { escapeControls, escapeControlsKeepingColour } from '../../../src/cli/terminal';
import { out, run } from './run-helpers';

describe('bounds on what the VM hands the host', () => {
  it('caps console output by lines before splitting a huge text', () => {
    const output = createConsoleOutput({ maxOutputLines: 10, maxOutputBytes: 1e9 });
    expect(output.print('log', 'a\n'.repeat(5), 0)).toBe(true);
    expect(output.print('log', '\n'.repeat(1e6), 0)).toBe(false);
    expect(output.limit).toBe('maxOutputLines');
    expect(output.entries.map((e) => e.level)).toEqual(['log', 'system']);
  });

  it('caps console output by bytes', () => {
    const output = createConsoleOutput({ maxOutputLines: 1e9, maxOutputBytes: 100 });
    expect(output.print('log', 'x'.repeat(101), 0)).toBe(false);
    expect(output.limit).toBe('maxOutputBytes');
  });

  it('cuts an error text to its lines and characters, saying so', () => {
    const text = boundErrorText('line\n'.repeat(1000), 1e6, 3);
    expect(text.split('\n').length).toBe(3);
    expect(text).toMatch(/message truncated: 5,000 characters/);
    expect(boundErrorText('short', 100)).toBe('short');
  });

  it('accepts collected data only as an object of tools, and reports dropped data', () => {
    expect(parseCollected('{bad').raw).toEqual({});
    expect(parseCollected('[1,2]').notes[0]).toMatch(/expected shape/);
    const parsed = parseCollected('{"profiler":{"error":"too big","dropped":true},"bench":[1]}');
    expect(parsed.raw.bench).toEqual([1]);
    expect(parsed.notes).toEqual(["The profiler tool's data was dropped: too big."]);
  });

  it('reads the clock only as three finite numbers', () => {
    expect(parseTiming('1,2,3')).toEqual({ now: 1, simulated: 2, resolution: 3 });
    expect(parseTiming('1,NaN,3')).toBeUndefined();
    expect(parseTiming('x')).toBeUndefined();
  });

  it('shows terminal control characters visibly, keeping line feeds, tabs and (optionally) colours', () => {
    expect(escapeControls('a\x1b]52;c;SGk=\x07b\n\tc\x9b')).toBe('a\\x1b]52;c;SGk=\\x07b\n\tc\\x9b');
    expect(escapeControlsKeepingColour('\x1b[31mred\x1b[0m\x1b[2J')).toBe('\x1b[31mred\x1b[0m\\x1b[2J');
  });

  it('a poisoned JSON.stringify and toJSON do not break the next run in the same process', async () => {
    const poisoned = await run(`JSON.stringify = () => { throw 1; }; Array.prototype.toJSON = () => { throw 2; }; console.log('x')`, { profile: { kind: 'deterministic' } });
    expect(out(poisoned)).toContain('x');
    expect(poisoned.status).toBe('ok');
    const next = await run(`console.log([1, 2].length)`);
    expect(out(next)).toEqual(['2']);
  });

  it("an uncaught error's message is capped like console output", async () => {
    const r = await run(`throw new Error('line\\n'.repeat(1e5))`, { limits: { timeoutMs: 10_000 } });
    expect(r.status).toBe('error');
    expect(r.error!.message.split('\n').length).toBeLessThanOrEqual(2001);
  });
});
