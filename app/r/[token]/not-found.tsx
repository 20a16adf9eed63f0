/** The one answer for every token that opens nothing: unknown, mistyped, revoked or rate-limited. */
export default function ReceiptNotFound() {
  return (
    <main className="mx-auto max-w-md px-4 py-10 text-center">
      <h1 className="text-xl font-bold">Receipt not found</h1>
      <p className="mt-2 text-slate-700">
        Check the link you were sent. If you tried many links, wait a few minutes and try again.
      </p>
    </main>
  );
}
