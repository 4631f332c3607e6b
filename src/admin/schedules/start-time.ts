import { atLocal, parseTimeOfDay } from '../../scheduler/time.js';

/** When an appointment starts: an instant (API), or a wall-clock date and time in the station's timezone (console). */
export type StartInput = { at: Date } | { date: string; time: string };

export function startInstant(start: StartInput, zone: string): Date | undefined {
  if ('at' in start) return Number.isNaN(start.at.getTime()) ? undefined : start.at;
  const minutes = parseTimeOfDay(start.time);
  return minutes === undefined ? undefined : atLocal(start.date, minutes, zone);
}
