-- I8: ledger and audit rows are append-only; any UPDATE or DELETE aborts the statement.
CREATE TRIGGER ledger_entries_no_update BEFORE UPDATE ON ledger_entries
BEGIN SELECT RAISE(ABORT, 'ledger_entries is append-only'); END;
--> statement-breakpoint
CREATE TRIGGER ledger_entries_no_delete BEFORE DELETE ON ledger_entries
BEGIN SELECT RAISE(ABORT, 'ledger_entries is append-only'); END;
--> statement-breakpoint
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
--> statement-breakpoint
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
--> statement-breakpoint
CREATE TRIGGER purchase_resolutions_no_update BEFORE UPDATE ON purchase_resolutions
BEGIN SELECT RAISE(ABORT, 'purchase_resolutions is append-only'); END;
--> statement-breakpoint
CREATE TRIGGER purchase_resolutions_no_delete BEFORE DELETE ON purchase_resolutions
BEGIN SELECT RAISE(ABORT, 'purchase_resolutions is append-only'); END;
