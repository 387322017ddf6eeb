/**
 * Public barrel of the protocol schemas and types. Curated: every name here is public API.
 *
 * @module
 */
export {};
