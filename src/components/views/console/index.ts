import type { ViewRegistry } from '../types';
import { ConsoleView } from './ConsoleView';
import { TimeView } from './TimeView';

/** The console views: what a run printed, and how long it took (wall vs CPU). */
export const views: ViewRegistry = {
  console: { id: 'console', label: 'Console', component: ConsoleView },
  time: { id: 'time', label: 'Time', component: TimeView },
};
