import { describe, expect, it } from 'vitest';
import { scenarioForPhone } from './scenarios';

describe('scenarioForPhone', () => {
  it('picks the outcome from the last two digits, for every provider', () => {
    expect(scenarioForPhone('08031234551', 'jonet')).toBe('pending-success');
    expect(scenarioForPhone('0803 123 4559', 'vtpass')).toBe('fail');
    expect(scenarioForPhone('9876543200', 'rechargekit')).toBe('success');
    expect(scenarioForPhone('08031234562', 'cwg')).toBe('fail-then-deliver');
  });

  it("honours VTpass's documented sandbox numbers on VTpass only", () => {
    expect(scenarioForPhone('201000000000', 'vtpass')).toBe('pending-success');
    expect(scenarioForPhone('500000000000', 'vtpass')).toBe('garbage');
    expect(scenarioForPhone('400000000000', 'vtpass')).toBe('reset');
    expect(scenarioForPhone('300000000000', 'vtpass')).toBe('timeout');
    expect(scenarioForPhone('300000000000', 'jonet')).toBe('success');
  });
});
