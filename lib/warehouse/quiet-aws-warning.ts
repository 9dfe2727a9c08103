/**
 * snowflake-sdk loads the AWS SDK, which warns on Node 20 that its future versions will need
 * Node 22. In a job that warning lands in every container's log, where it reads as a problem
 * with the job; the AWS SDK's own switch turns it off. Imported first by main.ts, because the
 * warning is decided while the driver's modules load.
 */
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
