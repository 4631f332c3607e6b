import { describe, expect, it } from 'vitest';
import { FLOW_TTL_MS, offeredValues, readState } from '../../../src/conversation/state.js';

const now = new Date('2026-03-05T02:00:00Z');
const at = (msAgo: number) => new Date(now.getTime() - msAgo).toISOString();

describe('conversation state', () => {
  it('reads a flow in progress and keeps keys it does not own', () => {
    const row = {
      flow: 'checkin',
      step: 'craving',
      data: { flowData: { mood: 3 }, offered: ['ci:c:1'], at: at(60_000), _offeredChoices: [{ label: 'x', value: 'y' }] },
    };
    const state = readState(row, now);
    expect(state.flow).toEqual({ flow: 'checkin', step: 'craving', data: { mood: 3 } });
    expect(state.offered).toEqual(['ci:c:1']);
    expect(state.raw._offeredChoices).toEqual([{ label: 'x', value: 'y' }]);
  });

  it('forgets a flow left too long, but still knows what was offered', () => {
    const state = readState({ flow: 'checkin', step: 'mood', data: { flowData: {}, offered: ['ci:m:1'], at: at(FLOW_TTL_MS + 1) } }, now);
    expect(state.flow).toBeUndefined();
    expect(state.offered).toEqual(['ci:m:1']);
  });

  it('drops a damaged or unknown state instead of failing', () => {
    expect(readState({ flow: 'checkin', step: 'mood', data: { flowData: { mood: 'lots' }, at: at(0) } }, now).flow).toBeUndefined();
    expect(readState({ flow: 'nonsense', step: 'x', data: { at: at(0) } }, now).flow).toBeUndefined();
    expect(readState({ flow: null, step: null, data: [] }, now)).toEqual({ flow: undefined, offered: [], raw: {} });
    expect(readState(null, now).flow).toBeUndefined();
  });

  it('remembers the choices of the last message that has any', () => {
    expect(offeredValues([{ text: 'a', choices: [{ label: 'A', value: 'a' }] }, { text: 'b' }])).toEqual(['a']);
    expect(offeredValues([{ text: 'a' }])).toEqual([]);
  });
});
