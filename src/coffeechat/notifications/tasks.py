"""The queue's own housekeeping (the other apps' tasks sit in their own tasks.py)."""

import logging

from coffeechat import queue

log = logging.getLogger(__name__)

# A worker that stops sending heartbeats for this long (killed, its machine gone) is
# stalled; the job it held is put back in the queue for another worker.
STALLED_AFTER_SECONDS = 120


@queue.periodic(cron="*/5 * * * *", periodic_id="retry-stalled")
@queue.task(name="retry_stalled_jobs", queueing_lock="retry_stalled_jobs", pass_context=True)
async def retry_stalled_jobs(context, timestamp: int) -> None:
    """Hand back the jobs of a worker that died mid-task. Every task is safe to run
    twice, so running the job again finishes what the dead worker started."""
    manager = context.app.job_manager
    stalled = await manager.get_stalled_jobs(seconds_since_heartbeat=STALLED_AFTER_SECONDS)
    for job in stalled:
        log.warning("job %s (%s) was left by a stopped worker; retrying it", job.id, job.task_name)
        await manager.retry_job(job)
