/** The records a streamed export has written so far, counted by the format as it makes them. */
export interface Tally {
  records: number;
}
