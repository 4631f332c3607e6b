import { describe, expect, it } from 'vitest';
import { WECHAT_CAPABILITIES } from '../../../src/channels/wechat/index.js';
import { MAX_CHOICES } from '../../../src/conversation/choices.js';
import { fitChoices } from '../../../src/pipeline/fit-choices.js';

const choices = Array.from({ length: MAX_CHOICES }, (_, i) => ({ label: `option ${i + 1}`, value: `v${i + 1}` }));

describe('choices fitted to a channel', () => {
  it('keeps the first ones (offers before the menu) up to the channel limit', () => {
    const fitted = fitChoices({ text: 'hi', choices }, WECHAT_CAPABILITIES.maxChoices);
    expect(WECHAT_CAPABILITIES.maxChoices).toBeLessThan(MAX_CHOICES);
    expect(fitted.choices?.map((c) => c.value)).toEqual(choices.slice(0, WECHAT_CAPABILITIES.maxChoices).map((c) => c.value));
    expect(fitted.text).toBe('hi');
  });

  it('leaves a message within the limit, or without choices, as it is', () => {
    const short = { text: 'hi', choices: choices.slice(0, 3) };
    expect(fitChoices(short, 9)).toBe(short);
    expect(fitChoices({ text: 'hi' }, 9)).toEqual({ text: 'hi' });
    expect(fitChoices(short, undefined)).toBe(short);
  });
});
