/** What a step form tells the incident page after it saved something. */
export interface StepChange {
  /** Said to the person, e.g. "The warning is recorded." */
  message: string;
}
