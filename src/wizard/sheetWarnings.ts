/** The prefix of a warning's line on a generated sheet and in a step's summary. */
export const WARNING_PREFIX = "Warning: ";
