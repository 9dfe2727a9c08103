/**
 * The Snowflake-Labs async_job sample's job statement (spcs-templates ml_experience/async_job
 * setup.sql, written as it is there: `spec: container:`, the repository's image path), over the
 * seeded reviews. Tests and end-to-end tests run it exactly as a user would paste it.
 */
import { SAMPLE_REVIEWS_TABLE } from './google-reviews';

export interface AsyncJobOptions {
  pool: string;
  name: string;
  task: 'summarization' | 'sentiment';
  resultTable: string;
}

export function asyncJobStatement({ pool, name, task, resultTable }: AsyncJobOptions): string {
  return `EXECUTE JOB SERVICE
  IN COMPUTE POOL ${pool}
  NAME = ${name}
  ASYNC = TRUE
  FROM SPECIFICATION $$
spec:
  container:
  - name: main
    image: /tutorial_db/data_schema/tutorial_repository/text_analysis:latest
    args:
    - --task=${task}
    - --source_table=${SAMPLE_REVIEWS_TABLE}
    - --source_id_column=REVIEW_HASH
    - --source_value_column=REVIEW_TEXT
    - --result_table=${resultTable}
$$`;
}
