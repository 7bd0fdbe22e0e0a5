import pytest

from bot.check import Checker
from bot.reply import ReplyOptions


@pytest.fixture(scope="session")
def checker(kb, extractor):
    return Checker(kb, extractor, ReplyOptions(footer="I am a bot."))
