-- The record of changes is append-only: the database itself refuses to change or remove an
-- entry, whatever code runs (quality.md "Security"). Tampering with a copy of the file is
-- caught by the hash chain instead.
CREATE TRIGGER `audit_trail_no_update` BEFORE UPDATE ON `audit_trail`
BEGIN
	SELECT RAISE(ABORT, 'audit_trail is append-only: entries cannot be changed');
END;
--> statement-breakpoint
CREATE TRIGGER `audit_trail_no_delete` BEFORE DELETE ON `audit_trail`
BEGIN
	SELECT RAISE(ABORT, 'audit_trail is append-only: entries cannot be removed');
END;
