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
@queue.task(name="send_daily_digests", queueing_lock="send_daily_digests", lock="digest")
def send_daily_digests(timestamp: int) -> None:
    from coffeechat.notifications.digest import send_digests

    send_digests()
