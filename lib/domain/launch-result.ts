/** What a launch answers (the Launch form's server actions): the new batch and its jobs. */

export interface LaunchResult {
  batchId: string;
  /** In statement order. */
  jobIds: string[];
}
