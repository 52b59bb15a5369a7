"""The demo site's English pages with the demo consultations on top (seconds, not minutes)."""

import pytest

from consultations.demo.loader import ConsultationDemoLoader
from home.demo_loader import DemoLoader


class Demo:
    """The loaded demo: run() loads the consultations again, `lines` holds what it said."""

    def __init__(self, home, pages):
        self.home = home
        self.pages = pages
        self.lines = []

    def run(self, now=None):
        self.lines.clear()
        loader = ConsultationDemoLoader(self.home, log=self.lines.append, now=now)
        loader.load()
        return loader.changed


@pytest.fixture
def site_loader(db):
    return DemoLoader(log=lambda line: None)


@pytest.fixture
def demo(site_loader):
    home, pages = site_loader.load()
    demo = Demo(home, pages)
    demo.run()
    return demo
