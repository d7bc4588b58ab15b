"""Training (10.1): the course catalog, courses required per post, sessions and attendance."""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from resguardo.core.files.models import StoredFile
from resguardo.core.models.base import TenantModel

from .register import Person, Post


class Course(TenantModel):
    name = models.CharField(_("name"), max_length=160)
    description = models.TextField(_("description"), blank=True)
    default_refresh_months = models.PositiveIntegerField(_("refresh every (months)"), default=12)

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["organization", "name"], name="people_course_unique")
        ]
        verbose_name = _("course")

    def __str__(self):
        return self.name


class PostCourse(TenantModel):
    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="course_rules")
    course = models.ForeignKey(Course, on_delete=models.PROTECT, related_name="post_rules")
    refresh_months = models.PositiveIntegerField(_("refresh every (months)"))

    class Meta:
        ordering = ["course__name"]
        constraints = [
            models.UniqueConstraint(fields=["post", "course"], name="people_post_course_unique"),
            models.CheckConstraint(
                condition=Q(refresh_months__gte=1), name="people_post_course_refresh_positive"
            ),
        ]
        verbose_name = _("required course")

    def __str__(self):
        return f"{self.post.name} · {self.course.name}"


class TrainingSession(TenantModel):
    course = models.ForeignKey(Course, on_delete=models.PROTECT, related_name="sessions")
    held_on = models.DateField(_("held on"))
    instructor = models.CharField(_("instructor"), max_length=200)
    place = models.CharField(_("place"), max_length=200, blank=True)
    site = models.ForeignKey(
        "core.Site", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["-held_on", "-pk"]
        indexes = [models.Index(fields=["organization", "held_on"], name="people_sessions")]
        verbose_name = _("training session")

    def __str__(self):
        return f"{self.course.name} · {self.held_on}"


class Attendance(TenantModel, StoredFile):
    """A person's attendance; the typed name is their signature on the tablet. The stored file,
    when present, is the certificate."""

    session = models.ForeignKey(
        TrainingSession, on_delete=models.CASCADE, related_name="attendances"
    )
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="attendances")
    course = models.ForeignKey(Course, on_delete=models.PROTECT, related_name="+", editable=False)
    held_on = models.DateField(editable=False)  # the session's date, kept for the matrix query
    signed_name = models.CharField(_("signature (typed name)"), max_length=200)
    score = models.DecimalField(
        _("quiz score"), max_digits=5, decimal_places=2, null=True, blank=True
    )
    passed = models.BooleanField(_("passed"), default=True)

    class Meta:
        ordering = ["person__name_key"]
        constraints = [
            models.UniqueConstraint(fields=["session", "person"], name="people_attendance_unique"),
            models.CheckConstraint(
                condition=Q(score__isnull=True) | (Q(score__gte=0) & Q(score__lte=100)),
                name="people_attendance_score_range",
            ),
        ]
        indexes = [
            models.Index(
                fields=["organization", "person", "course", "held_on"], name="people_attended"
            )
        ]
        verbose_name = _("attendance")

    def __str__(self):
        return f"{self.person.full_name} · {self.session}"
