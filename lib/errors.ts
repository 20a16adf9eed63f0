/**
 * A refusal: something a person asked for that the portal will not do, said in words they can act
 * on, naming the input at fault when there is one (a form field, or a key of the command's input).
 * Commands throw it (inside a transaction it rolls the work back); the action wrapper turns it into
 * the action's failed result. LedgerError is the ledger's own kind of refusal (it carries a code
 * the ledger's models check) and is used for ledger rules only.
 */
export class Refusal extends Error {
  constructor(
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'Refusal';
  }
}
