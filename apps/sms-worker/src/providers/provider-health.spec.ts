import { admit, afterCall, type BreakerSettings, HEALTHY, type HealthState, healthFromHash, phaseOf } from './provider-health';

/** The breaker and the 429 pause as pure functions of (state, now): a clock of the test's own. */
describe('provider health state machine', () => {
  const cfg: BreakerSettings = { failures: 3, cooldownMs: 30_000, probeLeaseMs: 15_000 };
  let now = 1_000_000;
  let state: HealthState = { ...HEALTHY };
  const call = (kind: 'ok' | 'failed', probe: number | null = null) => {
    state = afterCall(state, { kind }, probe, now, cfg) ?? state;
  };

  beforeEach(() => {
    now = 1_000_000;
    state = { ...HEALTHY };
  });

  it('opens after N consecutive failures, not after N failures with a success between', () => {
    call('failed');
    call('failed');
    call('ok');
    call('failed');
    call('failed');
    expect(phaseOf(state, now)).toBe('closed');
    expect(admit(state, now, cfg)).toEqual({ ok: true, probe: null, next: null });
    call('failed');
    expect(phaseOf(state, now)).toBe('open');
    expect(state).toMatchObject({ fails: 0, openUntil: now + 30_000 });
    expect(admit(state, now + 29_999, cfg)).toEqual({ ok: false, reason: 'open', until: now + 30_000 });
  });

  it('writes nothing for a success while closed with no failure counted (the common case)', () => {
    expect(afterCall(HEALTHY, { kind: 'ok' }, null, now, cfg)).toBeNull();
    expect(afterCall({ ...HEALTHY, fails: 2 }, { kind: 'ok' }, null, now, cfg)).toEqual({ ...HEALTHY, fails: 0 });
  });

  it('after the cool-down lets exactly one send probe; the probe closes it on success', () => {
    for (let i = 0; i < 3; i++) call('failed');
    now += 30_000;
    expect(phaseOf(state, now)).toBe('half-open');
    const probe = admit(state, now, cfg);
    expect(probe).toEqual({ ok: true, probe: now + 15_000, next: { ...state, probeUntil: now + 15_000 } });
    if (!probe.ok || !probe.next) throw new Error('expected a probe');
    state = probe.next;
    // While the probe is out every other send skips the provider.
    expect(admit(state, now + 10, cfg)).toEqual({ ok: false, reason: 'probing', until: now + 15_000 });
    call('ok', probe.probe);
    expect(state).toEqual(HEALTHY);
    expect(phaseOf(state, now)).toBe('closed');
  });

  it('re-opens for a whole cool-down when the probe fails', () => {
    for (let i = 0; i < 3; i++) call('failed');
    now += 30_000;
    const probe = admit(state, now, cfg);
    if (!probe.ok || !probe.next) throw new Error('expected a probe');
    state = probe.next;
    now += 200;
    call('failed', probe.probe);
    expect(state).toEqual({ fails: 0, openUntil: now + 30_000, probeUntil: 0, pausedUntil: 0 });
  });

  it('gives the probe to another send once its lease ran out (a worker killed mid-probe)', () => {
    for (let i = 0; i < 3; i++) call('failed');
    now += 30_000;
    const first = admit(state, now, cfg);
    if (!first.ok || !first.next) throw new Error('expected a probe');
    state = first.next;
    now += 15_000;
    const second = admit(state, now, cfg);
    expect(second).toMatchObject({ ok: true, probe: now + 15_000 });
    if (!second.ok || !second.next) throw new Error('expected a probe');
    state = second.next;
    // The first probe's late answer is an ordinary call now: it decides nothing.
    expect(afterCall(state, { kind: 'ok' }, first.probe, now, cfg)).toBeNull();
    expect(afterCall(state, { kind: 'failed' }, first.probe, now, cfg)).toBeNull();
  });

  it('ignores the answers of calls that started before the breaker opened', () => {
    for (let i = 0; i < 3; i++) call('failed');
    const open = { ...state };
    call('ok');
    call('failed');
    expect(state).toEqual(open);
  });

  it('pauses on a 429 until its Retry-After, never shortening a pause, whatever the breaker says', () => {
    call('failed');
    state = afterCall(state, { kind: 'rate-limited', until: now + 5000 }, null, now, cfg) ?? state;
    // The provider answered: it is up (the failure count starts again).
    expect(state).toEqual({ ...HEALTHY, pausedUntil: now + 5000 });
    expect(admit(state, now + 4999, cfg)).toEqual({ ok: false, reason: 'paused', until: now + 5000 });
    expect(afterCall(state, { kind: 'rate-limited', until: now + 1000 }, null, now, cfg)).toBeNull();
    expect(admit(state, now + 5000, cfg)).toMatchObject({ ok: true });
    // A 429 without a date changes nothing but the failure count.
    expect(afterCall(state, { kind: 'rate-limited' }, null, now, cfg)).toBeNull();
  });

  it('has no breaker with SMS_BREAKER_FAILURES=0, but still honours pauses', () => {
    const off = { ...cfg, failures: 0 };
    let s: HealthState = { ...HEALTHY };
    for (let i = 0; i < 50; i++) s = afterCall(s, { kind: 'failed' }, null, now, off) ?? s;
    expect(s).toEqual(HEALTHY);
    expect(admit({ ...HEALTHY, openUntil: now + 10 }, now, off)).toMatchObject({ ok: true });
    expect(admit({ ...HEALTHY, pausedUntil: now + 10 }, now, off)).toMatchObject({ ok: false, reason: 'paused' });
  });

  it('reads its Redis hash, absent or odd fields as 0', () => {
    expect(healthFromHash({})).toEqual(HEALTHY);
    expect(healthFromHash(null)).toEqual(HEALTHY);
    expect(healthFromHash({ v: '4', fails: '2', openUntil: '123', probeUntil: 'x', pausedUntil: '9' })).toEqual({ fails: 2, openUntil: 123, probeUntil: 0, pausedUntil: 9 });
  });
});
