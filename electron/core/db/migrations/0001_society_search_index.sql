-- Full-text index of the register: folded names, registration number and places.
-- Rows are written by the society service in the same transaction as the society
-- (folding is Mizo-aware JavaScript, so no triggers); rowid = societies.search_rowid.
CREATE VIRTUAL TABLE `society_search` USING fts5(
	`names`,
	`reg_no`,
	`places`,
	tokenize = 'unicode61 remove_diacritics 2',
	prefix = '1 2 3'
);
