// Second factor rules: TOTP codes within one 30-second step either side, each good once; recovery
// codes good once; step-up needs a factor proved in the last 5 minutes; attempts are throttled.
import { createHmac } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '@/db';
import { SYSTEM_ACTOR } from '@/lib/audit/record';
import { Refusal } from '@/lib/errors';
import { createTestDb, insertUser } from '@/test/world/db';
import { passkeys } from '@/db/schema';
import {
  consumeRecoveryCode,
  consumeTotpCode,
  factorSummary,
  hasSecondFactor,
  listAdminsWithFactors,
  resetSecondFactor,
  saveTotpFactor,
} from './factors';
import { creditNeedsStepUp, isFreshlyVerified, secondFactorGate } from './gate';
import { safeNextPath } from './next-path';
import { finishTotpEnrolment, startTotpEnrolment } from './totp-enrolment';
import { verifySecondFactor, WRONG_CODE } from './verify';
import { sql } from 'drizzle-orm';
import { first, rows } from '@/db/query';

// RFC 6238 test secret ("12345678901234567890" in base32) and an independent HOTP (RFC 4226 §5.3).
const SECRET = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';
function oracleCode(unixSeconds: number): string {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(unixSeconds / 30)));
  const mac = createHmac('sha1', Buffer.from('12345678901234567890')).update(counter).digest();
  const offset = mac[19]! & 0xf;
  const value = (mac.readUInt32BE(offset) & 0x7fffffff) % 1_000_000;
  return String(value).padStart(6, '0');
}

let db: Db;
let cleanup: () => void;
beforeEach(async () => ({ db, cleanup } = await createTestDb()));
afterEach(() => cleanup());

const T = 1_750_000_020_000; // ms, a step boundary plus 0 s
async function adminWithTotp(lastStep = 0) {
  const user = await insertUser(db, 'admin');
  const enrolled = await saveTotpFactor(db, SYSTEM_ACTOR, user.id, SECRET, lastStep, T - 3_600_000);
  return { user, recoveryCodes: enrolled.recoveryCodes! };
}

describe('TOTP', () => {
  it('matches RFC 6238: SHA-1, 6 digits, 30 s (the published vector 59 s → 287082)', () => {
    expect(oracleCode(59)).toBe('287082');
  });

  it('accepts the code of the current step and of one step either side, not two', async () => {
    const s = T / 1000;
    for (const [offset, accepted] of [
      [-60, false],
      [-30, true],
      [0, true],
      [30, true],
      [60, false],
    ] as const) {
      const { user } = await adminWithTotp();
      expect(
        await consumeTotpCode(db, user.id, oracleCode(s + offset), T),
        `offset ${offset}s`,
      ).toBe(accepted);
    }
  });

  it('accepts each code once, and never an older one after a newer one', async () => {
    const { user } = await adminWithTotp();
    const s = T / 1000;
    expect(await consumeTotpCode(db, user.id, oracleCode(s), T)).toBe(true);
    expect(await consumeTotpCode(db, user.id, oracleCode(s), T + 1_000)).toBe(false);
    expect(await consumeTotpCode(db, user.id, oracleCode(s + 30), T + 1_000)).toBe(true);
    expect(await consumeTotpCode(db, user.id, oracleCode(s), T + 2_000)).toBe(false); // older than the last one used
  });

  it('refuses malformed codes and users without an app', async () => {
    const { user } = await adminWithTotp();
    for (const code of ['', '12345', '1234567', 'abcdef', '12 34 5x'])
      expect(await consumeTotpCode(db, user.id, code, T)).toBe(false);
    expect(
      await consumeTotpCode(db, (await insertUser(db, 'admin')).id, oracleCode(T / 1000), T),
    ).toBe(false);
  });

  it('enrols only after a code from the app, and keeps the secret sealed', async () => {
    const user = await insertUser(db, 'agent');
    const start = await startTotpEnrolment(user, T);
    expect(await hasSecondFactor(db, user.id)).toBe(false); // nothing stored until proved
    expect(start.qrSvgDataUrl).toMatch(/^data:image\/svg\+xml;base64,/);
    await expect(
      finishTotpEnrolment(db, SYSTEM_ACTOR, user.id, start.ticket, '000000', T),
    ).rejects.toThrowError(
      new Refusal(
        'That code does not match. Check the time on your phone and try the newest code.',
        'code',
      ),
    );
    const other = await insertUser(db, 'agent');
    const { totpCodeAt, totpStep } = await import('./totp');
    const code = totpCodeAt(start.secret, totpStep(T));
    await expect(
      finishTotpEnrolment(db, SYSTEM_ACTOR, other.id, start.ticket, code, T),
      'a ticket for another user',
    ).rejects.toThrowError(Refusal);
    await expect(
      finishTotpEnrolment(db, SYSTEM_ACTOR, user.id, start.ticket, code, T + 11 * 60_000),
      'an expired ticket',
    ).rejects.toThrowError(Refusal);
    expect(
      (await finishTotpEnrolment(db, SYSTEM_ACTOR, user.id, start.ticket, code, T)).recoveryCodes,
    ).toHaveLength(10);
    expect(await factorSummary(db, user.id)).toEqual({
      totp: true,
      passkeys: 0,
      recoveryCodesLeft: 10,
    });
    const raw = await first(
      rows<{ secret_sealed: string }>(
        db,
        sql`select secret_sealed from totp_factors where user_id = ${user.id}`,
      ),
    );
    expect(raw?.secret_sealed).toBeTypeOf('string');
    expect(raw?.secret_sealed).not.toContain(start.secret);
    // The code that proved the app is spent.
    expect(await consumeTotpCode(db, user.id, code, T)).toBe(false);
  });
});

describe('recovery codes', () => {
  it('each signs in once; a dash-less lower-case copy is the same code', async () => {
    const { user, recoveryCodes } = await adminWithTotp();
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);
    const code = recoveryCodes[3]!;
    expect(await consumeRecoveryCode(db, user.id, code.toLowerCase().replace(/-/g, ''), T)).toBe(
      true,
    );
    expect(await consumeRecoveryCode(db, user.id, code, T)).toBe(false);
    expect((await factorSummary(db, user.id)).recoveryCodesLeft).toBe(9);
    // Another user's code does not work here.
    const other = await adminWithTotp();
    expect(await consumeRecoveryCode(db, user.id, other.recoveryCodes[0]!, T)).toBe(false);
  });

  it('are kept only as hashes', async () => {
    const { user, recoveryCodes } = await adminWithTotp();
    const stored = await rows<{ code_hash: string }>(
      db,
      sql`select code_hash from recovery_codes where user_id = ${user.id}`,
    );
    expect(stored).toHaveLength(10);
    for (const row of stored)
      expect(recoveryCodes.map((c) => c.replace(/-/g, ''))).not.toContain(row.code_hash);
    expect(stored.every((r) => /^[0-9a-f]{64}$/.test(r.code_hash))).toBe(true);
  });
});

describe('verification', () => {
  it('is throttled after 5 wrong codes, even for the right code', async () => {
    const { user } = await adminWithTotp();
    for (let i = 0; i < 5; i += 1)
      await expect(
        verifySecondFactor(db, SYSTEM_ACTOR, user.id, { kind: 'code', code: '000000' }, T),
      ).rejects.toMatchObject({ field: 'code', message: WRONG_CODE });
    const right = verifySecondFactor(
      db,
      SYSTEM_ACTOR,
      user.id,
      { kind: 'code', code: oracleCode(T / 1000) },
      T,
    );
    await expect(right).rejects.toThrowError(Refusal);
    await expect(right).rejects.toMatchObject({
      field: 'code',
      message: expect.stringMatching(/^Too many attempts/),
    });
  });

  it('checks at most 5 codes even when many arrive at once: no burst slips past the throttle', async () => {
    const { user } = await adminWithTotp();
    const burst = Array.from({ length: 20 }, (_, i) =>
      verifySecondFactor(
        db,
        SYSTEM_ACTOR,
        user.id,
        { kind: 'code', code: String(i).padStart(6, '0') },
        T,
      ),
    );
    const outcomes = await Promise.allSettled(burst);
    const reasons = outcomes.map((o) =>
      o.status === 'rejected' ? (o.reason as Error).message : 'passed',
    );
    expect(reasons.filter((r) => r === WRONG_CODE)).toHaveLength(5);
    expect(reasons.filter((r) => r.startsWith('Too many attempts'))).toHaveLength(15);
  });

  it('answers the method and the recovery codes left, and audits it', async () => {
    const { user, recoveryCodes } = await adminWithTotp();
    expect(
      await verifySecondFactor(
        db,
        SYSTEM_ACTOR,
        user.id,
        { kind: 'code', code: recoveryCodes[0]! },
        T,
      ),
    ).toEqual({ method: 'recovery_code', recoveryCodesLeft: 9 });
    expect(
      await verifySecondFactor(
        db,
        SYSTEM_ACTOR,
        user.id,
        { kind: 'code', code: oracleCode(T / 1000) },
        T,
      ),
    ).toEqual({ method: 'totp', recoveryCodesLeft: 9 });
    const audited = await rows(
      db,
      sql`select action from audit_log where target_id = ${String(user.id)} and action like 'auth.second_factor%'`,
    );
    expect(audited).toHaveLength(2);
  });
});

describe('the gate and step-up', () => {
  it('admins must prove a factor; agents only when they enrolled one', () => {
    expect(secondFactorGate('admin', 'none')).toBe('enrol');
    expect(secondFactorGate('admin', 'pending')).toBe('verify');
    expect(secondFactorGate('admin', 'verified')).toBe('open');
    expect(secondFactorGate('agent', 'none')).toBe('open');
    expect(secondFactorGate('agent', 'pending')).toBe('verify');
  });

  it('step-up holds for 5 minutes after the factor was proved', () => {
    expect(isFreshlyVerified({ mfa: 'verified', mfaAt: T }, T + 5 * 60_000)).toBe(true);
    expect(isFreshlyVerified({ mfa: 'verified', mfaAt: T }, T + 5 * 60_000 + 1)).toBe(false);
    expect(isFreshlyVerified({ mfa: 'verified', mfaAt: null }, T)).toBe(false);
    expect(isFreshlyVerified({ mfa: 'pending', mfaAt: T }, T)).toBe(false);
    expect(isFreshlyVerified({ mfa: 'verified', mfaAt: T + 60_000 }, T)).toBe(false); // from the future: not trusted
  });

  it('a credit above ₦100,000 (or ₹10,000) needs it; at the threshold it does not', () => {
    expect(creditNeedsStepUp('NGN', 10_000_000)).toBe(false);
    expect(creditNeedsStepUp('NGN', 10_000_001)).toBe(true);
    expect(creditNeedsStepUp('INR', 1_000_001)).toBe(true);
  });

  it('after-confirm paths stay on this site', () => {
    expect(safeNextPath('/admin/providers/vtpass')).toBe('/admin/providers/vtpass');
    expect(safeNextPath('/admin/funding?status=pending')).toBe('/admin/funding?status=pending');
    for (const bad of [
      '//evil.test',
      'https://evil.test',
      '/\\evil.test',
      '/sign-in/verify',
      'admin',
      '',
    ])
      expect(safeNextPath(bad), bad).toBeNull();
  });
});

describe('the admins page', () => {
  it("lists each admin's own factors", async () => {
    const { user } = await adminWithTotp();
    const bare = await insertUser(db, 'admin');
    await db.insert(passkeys).values([
      { id: 'cred-1', userId: user.id, publicKey: 'x', counter: 0, createdAt: T },
      { id: 'cred-2', userId: user.id, publicKey: 'y', counter: 0, createdAt: T },
    ]);
    const rows = await listAdminsWithFactors(db);
    expect(rows.find((r) => r.id === user.id)).toMatchObject({ totp: true, passkeys: 2 });
    expect(rows.find((r) => r.id === bare.id)).toMatchObject({ totp: false, passkeys: 0 });
  });
});

describe('an admin resets another admin', () => {
  it('removes every factor and code, ends their sessions, audits it; never their own', async () => {
    const { user } = await adminWithTotp();
    const resetter = await insertUser(db, 'admin');
    const sessionVersion = async () =>
      (
        await first(
          rows<{ session_version: number }>(
            db,
            sql`select session_version from users where id = ${user.id}`,
          ),
        )
      )?.session_version;
    const before = await sessionVersion();
    expect(before).toBeTypeOf('number');
    await resetSecondFactor(
      db,
      { userId: resetter.id, label: resetter.email, ip: null },
      user.id,
      T,
    );
    expect(await factorSummary(db, user.id)).toEqual({
      totp: false,
      passkeys: 0,
      recoveryCodesLeft: 0,
    });
    expect(await sessionVersion()).toBe(before! + 1);
    expect(
      await rows(
        db,
        sql`select count(*) as n from audit_log where action = 'mfa.reset' and target_id = ${String(user.id)}`,
      ),
    ).toEqual([{ n: 1 }]);
    await expect(
      resetSecondFactor(
        db,
        { userId: resetter.id, label: resetter.email, ip: null },
        resetter.id,
        T,
      ),
    ).rejects.toThrow(/another admin/);
  });
});
