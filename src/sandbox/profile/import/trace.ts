/**
 * Importer: a trace saved by DevTools' Performance panel ("Save profile...",
 * Trace Event JSON). Its CPU profile travels in `Profile` and `ProfileChunk`
 * events, with nodes linked by `parent`; the chunks of one profile id are
 * joined into one `.cpuprofile` and read as such. When a trace holds several
 * (one per thread), the one with the most samples is read.
 */
import type { Profile } from '../../types';
import { ImportError } from './errors';
import { importCpuProfile, type RawCpuProfile } from './cpuprofile';

interface TraceEvent {
  name?: string;
  id?: string | number;
  pid?: number;
  args?: { data?: { startTime?: number; cpuProfile?: { nodes?: RawCpuProfile['nodes']; samples?: number[] }; timeDeltas?: number[] } };
}

export function traceEvents(json: unknown): TraceEvent[] | undefined {
  if (Array.isArray(json) && json.every((e) => typeof e === 'object' && e !== null)) return json as TraceEvent[];
  const events = (json as { traceEvents?: unknown })?.traceEvents;
  return Array.isArray(events) ? (events as TraceEvent[]) : undefined;
}

export function importTrace(events: TraceEvent[], filename: string): Profile {
  const profiles = new Map<string, RawCpuProfile>();
  const key = (e: TraceEvent) => `${e.pid ?? ''}:${e.id ?? ''}`;
  for (const e of events) {
    if (e?.name === 'Profile') {
      const start = Number(e.args?.data?.startTime ?? 0);
      profiles.set(key(e), { nodes: [], startTime: start, endTime: start, samples: [], timeDeltas: [] });
    } else if (e?.name === 'ProfileChunk') {
      const p = profiles.get(key(e));
      const data = e.args?.data;
      if (!p || !data) continue;
      p.nodes.push(...(data.cpuProfile?.nodes ?? []));
      const samples = data.cpuProfile?.samples ?? [];
      const deltas = data.timeDeltas ?? [];
      if (samples.length !== deltas.length) throw new ImportError('not a valid trace: a ProfileChunk has different numbers of samples and time deltas');
      p.samples!.push(...samples);
      p.timeDeltas!.push(...deltas);
    }
  }
  const best = [...profiles.values()].filter((p) => p.nodes.length).sort((a, b) => b.samples!.length - a.samples!.length)[0];
  if (!best) throw new ImportError('this trace holds no CPU profile: record it in DevTools\' Performance panel with JavaScript samples on');
  best.endTime = best.startTime + best.timeDeltas!.reduce((sum, d) => sum + d, 0);
  const profile = importCpuProfile(best, filename);
  profile.meta.source = 'trace';
  return profile;
}
