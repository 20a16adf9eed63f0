/**
 * A refusal: something a person asked for that the portal will not do, said in words they can act
 * on, naming the input at fault when there is one (a form field, or a key of the command's input),
 * and, when a program must tell this refusal from others, a machine `code` (the API maps it).
 * It is the one way the portal says no: a command throws it (inside a transaction it rolls the work
 * back), or, when the command answers with a result, returns it as `{ ok: false, refusal }`. The
 * action wrapper turns it into the action's failed result, the API into a problem document.
 * LedgerError is the ledger's own kind of refusal (its code is one the ledger's models check) and
 * is used for ledger rules only.
 */
export class Refusal extends Error {
  constructor(
    message: string,
    readonly field?: string,
    readonly code?: string,
  ) {
    super(message);
    this.name = 'Refusal';
  }

  /** An Error's message is not enumerable: without this a refusal written as JSON would lose it. */
  toJSON() {
    return { name: this.name, message: this.message, field: this.field, code: this.code };
  }
}
