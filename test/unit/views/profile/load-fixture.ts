/** Reads a fixed profile from test/fixtures/profiles/ and wraps it in a RunResult. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Profile, RunResult } from '../../../../src/sandbox/types';

export function loadProfile(name: string): Profile {
  return JSON.parse(readFileSync(join(__dirname, '../../../fixtures/profiles', `${name}.json`), 'utf8')) as Profile;
}

export function resultWith(profile: Profile): RunResult {
  return {
    status: 'ok',
    console: [],
    outputTruncated: false,
    timing: { wallMs: profile.meta.wallMs, cpuMs: profile.meta.cpuMs, simulatedMs: profile.meta.simulatedMs, resolutionMs: 0.005 },
    profile,
  };
}
