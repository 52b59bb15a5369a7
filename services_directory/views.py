"""Directory views outside the page tree: the shortlist and "report a problem with this listing"."""

from django.conf import settings
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import get_language
from django.views.decorators.http import require_http_methods, require_POST

from foundation.database_outage import keeps_typed_text
from foundation.spam_protection import RATE_LIMITED, rate_limited
from services_directory import shortlist
from services_directory.forms import ProblemReportForm
from services_directory.models import DirectoryPage, ServicePage

from .finder.filters import horizon, school_holidays_between
from .finder.forms import Selection
from .finder.opening import HORIZON_DAYS, DateRange
from .finder.presenters import summarise
from .finder.queries import with_result_details
from .finder.terms import terms_for

PROBLEM_REPORT_RATE = "10/h"


def _directory_page():
    language = get_language() or settings.LANGUAGE_CODE
    pages = {
        page.locale.language_code: page
        for page in DirectoryPage.objects.live().select_related("locale")
    }
    return pages.get(language) or pages.get(settings.LANGUAGE_CODE)


def _safe_next(request, fallback):
    target = request.POST.get("next", "")
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return fallback


def shortlist_page(request):
    """The visitor's own shortlist, or the one in a shared link (?ids=…), printable."""
    shared = "ids" in request.GET
    own_ids = shortlist.shortlist_ids(request)
    ids = shortlist.parse_ids(request.GET.get("ids")) if shared else own_ids
    now = timezone.now()
    services = []
    if ids:
        queryset = with_result_details(shortlist.services_for(ids), Selection(), now)
        picked = shortlist.pick_translations(list(queryset), ids)
        terms = terms_for(request, get_language() or settings.LANGUAGE_CODE)
        holidays = [
            DateRange(h.start_date, h.end_date)
            for h in school_holidays_between(*horizon(now, HORIZON_DAYS), request=request)
        ]
        own = set(own_ids)
        services = [
            summarise(
                service, terms=terms, now=now, holidays=holidays, shortlist=own, request=request
            )
            for service in picked
        ]
    share_ids = [service.oruk_id for service in services]
    share_url = ""
    if share_ids:
        share_url = request.build_absolute_uri(
            reverse("services_directory:shortlist") + "?ids=" + shortlist.share_query(share_ids)
        )
    return render(
        request,
        "services_directory/shortlist.html",
        {
            "services": services,
            "shared": shared,
            "share_url": share_url,
            "share_ids": ",".join(share_ids),
            "not_saved": [s for s in services if not s.in_shortlist],
            "directory_page": _directory_page(),
            "next_url": request.get_full_path(),
        },
    )


@require_POST
def shortlist_add(request):
    ids = [
        i
        for i in (
            shortlist.parse_id(v) for v in request.POST.getlist("service")[: shortlist.MAX_SERVICES]
        )
        if i
    ]
    for raw in request.POST.getlist("services")[:1]:
        ids += shortlist.parse_ids(raw)
    added = shortlist.add(request, ids) if ids else True
    target = _safe_next(request, reverse("services_directory:shortlist"))
    if not added:
        return redirect(reverse("services_directory:shortlist") + "?full=1")
    return HttpResponseRedirect(_with_anchor(target, ids))


@require_POST
def shortlist_remove(request):
    ids = [
        i
        for i in (
            shortlist.parse_id(v) for v in request.POST.getlist("service")[: shortlist.MAX_SERVICES]
        )
        if i
    ]
    if ids:
        shortlist.remove(request, ids)
    target = _safe_next(request, reverse("services_directory:shortlist"))
    return HttpResponseRedirect(_with_anchor(target, ids))


def _with_anchor(target, ids):
    # Back to the same result, so a parent part-way down the list keeps their place.
    if len(ids) == 1 and "#" not in target:
        return f"{target}#service-{ids[0]}"
    return target


def _live_service(service_id):
    return get_object_or_404(
        ServicePage.objects.live().select_related("organisation"), pk=service_id
    )


@require_http_methods(["GET", "POST"])
@keeps_typed_text(ProblemReportForm)
def report_problem(request, service_id):
    """The form on its own page: where errors, and the rate-limit page, are shown."""
    service = _live_service(service_id)
    status = 200
    rate_limit_message = ""
    if request.method == "POST":
        form = ProblemReportForm(request.POST)
        rate = getattr(settings, "DIRECTORY_PROBLEM_REPORT_RATE", PROBLEM_REPORT_RATE)
        if rate_limited(request, "directory-problem-report", rate):
            # Not validated, so nothing is stored; the text stays in the form to copy or resend.
            rate_limit_message = RATE_LIMITED
            status = 429
        elif form.is_valid():
            if not form.is_spam():
                form.save(service)
            return redirect("services_directory:report_sent", service_id=service.pk)
    else:
        form = ProblemReportForm()
    return render(
        request,
        "services_directory/report_problem.html",
        {
            "service": service,
            "service_url": service.get_url(request),
            "form": form,
            "rate_limit_message": rate_limit_message,
            "directory_page": _directory_page(),
        },
        status=status,
    )


def report_sent(request, service_id):
    service = _live_service(service_id)
    return render(
        request,
        "services_directory/report_sent.html",
        {
            "service": service,
            "service_url": service.get_url(request),
            "directory_page": _directory_page(),
        },
    )
