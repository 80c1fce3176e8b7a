/**
 * Export formats offered under every profile view. Each renderer
 * (src/sandbox/profile/render/) is loaded only when its button is pressed.
 */
import type { Profile } from '../../../../sandbox/types';

export interface ExportFormat {
  id: 'cpuprofile' | 'speedscope' | 'folded' | 'dot' | 'csv' | 'pstats';
  label: string;
  extension: string;
  mime: string;
  /** Text, or bytes for a binary format (.pstats). */
  render(profile: Profile): Promise<string | Uint8Array>;
}

export const EXPORT_FORMATS: ExportFormat[] = [
  {
    id: 'cpuprofile',
    label: '.cpuprofile',
    extension: 'cpuprofile',
    mime: 'application/json',
    render: async (profile) => (await import('../../../../sandbox/profile/render/cpuprofile')).renderCpuProfile(profile),
  },
  {
    id: 'speedscope',
    label: 'speedscope',
    extension: 'speedscope.json',
    mime: 'application/json',
    render: async (profile) => (await import('../../../../sandbox/profile/render/speedscope')).renderSpeedscope(profile),
  },
  {
    id: 'pstats',
    label: '.pstats',
    extension: 'pstats',
    mime: 'application/octet-stream',
    render: async (profile) => (await import('../../../../sandbox/profile/render/pstats')).toPstats(profile),
  },
  {
    id: 'folded',
    label: 'Folded stacks',
    extension: 'folded.txt',
    mime: 'text/plain',
    render: async (profile) => (await import('../../../../sandbox/profile/render/folded')).renderFolded(profile),
  },
  {
    id: 'dot',
    label: 'DOT',
    extension: 'dot',
    mime: 'text/vnd.graphviz',
    render: async (profile) => (await import('../../../../sandbox/profile/render/dot')).renderDot(profile),
  },
  {
    id: 'csv',
    label: 'CSV',
    extension: 'csv',
    mime: 'text/csv',
    render: async (profile) => (await import('../../../../sandbox/profile/render/csv')).renderCsv(profile),
  },
];
