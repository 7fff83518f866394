package uk.cin.audit;

/**
 * A record whose fields are personal data: each read of one is noted, under what it is
 * part of.
 */
public interface Audited {

	/**
	 * What a read of this record's fields is a read of: a child's record, a family, a
	 * meeting.
	 */
	AuditTrail.Subject auditSubject();

}
