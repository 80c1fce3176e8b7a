import { describe, expect, it } from 'vitest';
import { parseCellInfo } from '../../../src/cells/cell-info';
import { cellRequest } from '../../../src/cells/cell-request';

const where = { chapter: 'memory', line: 3 };
const spec = (meta: string) => parseCellInfo(`cell ${meta}`, where);

describe('cellRequest', () => {
  it('passes code, setup and filename; no limits unless the fence sets them', () => {
    expect(cellRequest(spec('id=plain'), { code: 'log(1)', setup: 'const log = console.log;' })).toEqual({
      code: 'log(1)',
      setup: 'const log = console.log;',
      filename: 'cell-plain.js',
    });
  });

  it('turns timeout, memory and stack into limits in ms and bytes', () => {
    const request = cellRequest(spec('id=big timeout=30s memory=128MB stack=512KB seed=3'), { code: '' });
    expect(request.limits).toEqual({ timeoutMs: 30_000, memoryBytes: 134_217_728, stackBytes: 524_288 });
    expect(request.seed).toBe(3);
  });

  it('turns the deterministic profiler on for profile views', () => {
    expect(cellRequest(spec('id=a show=console,profile'), { code: '' }).profile).toEqual({ kind: 'deterministic' });
    expect(cellRequest(spec('id=a show=console,time'), { code: '' }).profile).toBeUndefined();
  });

  it('follows profiler=, builtins= and interval=', () => {
    expect(cellRequest(spec('id=a show=tree profiler=sampling builtins=off interval=2ms'), { code: '' }).profile).toEqual({
      kind: 'sampling',
      builtins: false,
      intervalMs: 2,
    });
    expect(cellRequest(spec('id=a show=profile profiler=off'), { code: '' }).profile).toBeUndefined();
  });

  it('follows sampler= (the biased poll sampler), only with profiler=sampling', () => {
    expect(cellRequest(spec('id=a show=tree profiler=sampling sampler=poll'), { code: '' }).profile).toEqual({
      kind: 'sampling',
      sampler: 'poll',
    });
    expect(cellRequest(spec('id=a show=tree profiler=sampling'), { code: '' }).profile).toEqual({ kind: 'sampling' });
    expect(() => spec('id=a show=tree sampler=poll')).toThrow(/sampler: only with profiler=sampling/);
    expect(() => spec('id=a show=tree profiler=sampling sampler=often')).toThrow(/not events or poll/);
  });

  it('asks the memory tools for the memory views', () => {
    expect(cellRequest(spec('id=a show=memory-lines,memory-timeline,heap'), { code: '' }).memory).toEqual({
      lines: true,
      timeline: true,
      heap: true,
    });
    expect(cellRequest(spec('id=a show=memory-lines lines=grow'), { code: '' }).memory).toEqual({ lines: ['grow'] });
    expect(cellRequest(spec('id=a'), { code: '' }).memory).toBeUndefined();
  });

  it('uses the src file name for errors and profiles', () => {
    expect(cellRequest(spec('id=s src=sleeper.js'), { code: 'x' }).filename).toBe('sleeper.js');
  });
});
