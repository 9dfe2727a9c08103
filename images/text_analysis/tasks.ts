/**
 * What each task computes per row and which result columns hold it (the names and VARCHAR type
 * the async_job sample writes).
 */
import type { TaskName } from './args';
import { analyzeSentiment } from './sentiment';
import { summarize } from './summarize';

export interface Task {
  /** Human words for the log, like the sample's "Initializing … model" line. */
  method: string;
  resultColumns: readonly string[];
  /** One value per result column. */
  analyze(text: string): string[];
}

export const TASKS: Record<TaskName, Task> = {
  summarization: {
    method: 'extractive summarization (word-frequency sentence scoring)',
    resultColumns: ['SUMMARY_TEXT'],
    analyze: (text) => [summarize(text)],
  },
  sentiment: {
    method: 'lexicon-based sentiment analysis',
    resultColumns: ['SENTIMENT_LABEL', 'SENTIMENT_SCORE'],
    analyze: (text) => {
      const { label, score } = analyzeSentiment(text);
      return [label, String(score)];
    },
  },
};
