"""How families reach a service, as the API publishes it: ORUK v3 has no delivery field.

The API gives the modes as ``attributes`` pointing at terms of this fixed taxonomy. The ids never
change; they are not rows in the database.
"""

import uuid

from django.utils.translation import gettext_lazy as _

_DELIVERY_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "urn:council-site:services-directory:delivery")
DELIVERY_TAXONOMY_ID = uuid.uuid5(_DELIVERY_NAMESPACE, "taxonomy")
DELIVERY_MODES = {
    "in_person": {"id": uuid.uuid5(_DELIVERY_NAMESPACE, "in_person"), "name": _("In person")},
    "online": {"id": uuid.uuid5(_DELIVERY_NAMESPACE, "online"), "name": _("Online")},
    "telephone": {"id": uuid.uuid5(_DELIVERY_NAMESPACE, "telephone"), "name": _("By phone")},
}
