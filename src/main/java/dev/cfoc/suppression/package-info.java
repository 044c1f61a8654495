/**
 * Acknowledged findings: a list of suppressions (distribution, optional origin, code, expiry date, reason) read from
 * JSON and applied to a report. Suppressed findings stay in the report, marked, and count for nothing else.
 * Pure apart from reading the file.
 */
package dev.cfoc.suppression;
