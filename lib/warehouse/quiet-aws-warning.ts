/**
 * snowflake-sdk loads the AWS SDK, which warns on Node 20 that its future versions will need
 * Node 22. In the dashboard's output and in every job container's log that warning reads as a
 * problem with Flurry or the job; the AWS SDK's own switch turns it off. It must be set before
 * the driver's modules load, so each module importing snowflake-sdk imports this one first.
 */
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
