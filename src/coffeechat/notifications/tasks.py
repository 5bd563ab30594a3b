"""The queue's own housekeeping (the other apps' tasks sit in their own tasks.py)."""

import datetime
import logging

from coffeechat import queue

log = logging.getLogger(__name__)

# A worker that stops sending heartbeats for this long (killed, its machine gone) is
# stalled; the job it held is put back in the queue for another worker. Workers beat
# every 10 seconds (Procrastinate's default), so three missed beats.
STALLED_AFTER_SECONDS = 30
HAND_BACK_AT = datetime.datetime(2000, 1, 1, tzinfo=datetime.UTC)


@queue.periodic(cron="*/5 * * * *", periodic_id="retry-stalled")
@queue.task(name="retry_stalled_jobs", pass_context=True)
async def retry_stalled_jobs(context, timestamp: int) -> None:
    """Hand back the jobs of a worker that died mid-task. Every task is safe to run
    twice, so running the job again finishes what the dead worker started."""
    manager = context.app.job_manager
    stalled = await manager.get_stalled_jobs(seconds_since_heartbeat=STALLED_AFTER_SECONDS)
    for job in stalled:
        log.warning("job %s (%s) was left by a stopped worker; retrying it", job.id, job.task_name)
        try:
            # "Now" as a moment already past, not this worker's clock: a worker whose
            # clock runs ahead of the database's would otherwise park the job in its future.
            await manager.retry_job(job, retry_at=job.scheduled_at or HAND_BACK_AT)
        except Exception:  # another worker handed it back first: fine
            log.exception("could not hand back job %s", job.id)


@queue.task(name="send_notification", retry=5)
def send_notification(notification_id: int, attachment: list | None = None) -> None:
    """Email one notice. Safe to run twice: a notice already emailed is skipped (a run
    killed between sending and recording may send it twice, never lose it)."""
    from django.utils import timezone

    from coffeechat.notifications.mail import build_email, email_configured
    from coffeechat.notifications.models import Notification

    notice = Notification.objects.select_related("owner").filter(pk=notification_id).first()
    if notice is None or notice.emailed_at is not None or not email_configured():
        return
    message = build_email(notice.owner, notice.subject, [notice])
    if attachment:
        filename, content, mimetype = attachment
        message.attach(filename, content, mimetype)
    message.send(fail_silently=False)
    Notification.objects.filter(pk=notice.pk, emailed_at=None).update(emailed_at=timezone.now())


@queue.periodic(cron="0 7 * * *", periodic_id="daily-digest")
@queue.task(name="send_daily_digests", lock="digest")
def send_daily_digests(timestamp: int) -> None:
    from coffeechat.notifications.digest import send_digests

    send_digests()
