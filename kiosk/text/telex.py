"""Telex: typing Vietnamese on a plain Latin keyboard, one word at a time.

A citizen types ``ddawng kys`` and sees ``đăng ký``: letters typed after a word
change it — ``aa``→``â``, ``aw``→``ă``, ``ee``→``ê``, ``oo``→``ô``, ``ow``→``ơ``,
``uw``/``w``→``ư``, ``uow``→``ươ``, ``dd``→``đ`` and the tone keys ``s f r x j``
(sắc, huyền, hỏi, ngã, nặng; ``z`` removes the tone). Typing the same key again
undoes it and types the key itself (``ass``→``as``, ``ddd``→``dd``).

The engine is stateless: everything it needs is in the word left of the cursor, so
it works in any text field, after the cursor moved, and after a backspace. A change
is only made when the result is still a Vietnamese syllable (a known initial
consonant, vowel group and final consonant), which is what keeps English words,
e-mail names and codes such as ``class`` or ``ass`` from being mangled.

Tone placement is the traditional one that Unikey uses by default and the brief's
examples ask for: ``hòa``, ``khỏe``, ``thủy`` (on the first vowel of an open
``oa``/``oe``/``uy``), ``hoàn``, ``huỳnh`` when a final consonant follows. The
catalogue search treats ``hòa`` and ``hoà`` alike, so either spelling finds the same
procedure. Output is NFC.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, replace
from enum import IntEnum
from typing import Final


class Tone(IntEnum):
    """The six tones (thanh); ``NONE`` is thanh ngang."""

    NONE = 0
    SAC = 1
    HUYEN = 2
    HOI = 3
    NGA = 4
    NANG = 5


#: Each vowel with its tones, in :class:`Tone` order.
_TONED: Final = {
    "a": "aáàảãạ",
    "ă": "ăắằẳẵặ",
    "â": "âấầẩẫậ",
    "e": "eéèẻẽẹ",
    "ê": "êếềểễệ",
    "i": "iíìỉĩị",
    "o": "oóòỏõọ",
    "ô": "ôốồổỗộ",
    "ơ": "ơớờởỡợ",
    "u": "uúùủũụ",
    "ư": "ưứừửữự",
    "y": "yýỳỷỹỵ",
}
#: Any toned vowel → (the vowel without tone, its tone).
_UNTONE: Final = {
    toned: (vowel, Tone(tone))
    for vowel, forms in _TONED.items()
    for tone, toned in enumerate(forms)
}
VOWELS: Final = frozenset(_TONED)
_SHAPED: Final = frozenset("ăâêôơư")
#: The letter a shaped letter is typed from.
_BASE: Final = {"ă": "a", "â": "a", "ê": "e", "ô": "o", "ơ": "o", "ư": "u", "đ": "d"}

TONE_KEYS: Final = {"s": Tone.SAC, "f": Tone.HUYEN, "r": Tone.HOI, "x": Tone.NGA, "j": Tone.NANG}
#: What a tone looks like on a vowel, for key labels (``á à ả ã ạ``).
TONE_MARKS: Final[dict[Tone, str]] = {tone: _TONED["a"][tone] for tone in Tone if tone != Tone.NONE}


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_INITIALS: Final = _words("b c ch d đ g gh gi h k kh l m n ng ngh nh p ph qu r s t th tr v x") | {
    ""
}
_FINALS: Final = _words("c ch m n ng nh p t") | {""}
#: After these finals only sắc and nặng are possible (học, việt, cấp, sách).
_STOP_FINALS: Final = _words("c ch p t")
#: Every vowel group of a Vietnamese syllable (âm chính with its glides).
_NUCLEI: Final = _words(
    """a ă â e ê i o ô ơ u ư y
    ai ao au ay âu ây eo êu ia iê iu oa oă oe oi oo ôi ơi ua uâ uê ui uô uơ uy ưa ưi ươ ưu yê
    iêu oai oay oeo uây uôi uya uyê uyu ươi ươu yêu"""
)


@dataclass(frozen=True, slots=True)
class _Word:
    """A word as letters without tone (lowercase), their case, and its one tone."""

    letters: str
    upper: tuple[bool, ...]
    tone: Tone
    tone_at: int  # index into ``letters``; -1 when there is no tone

    def with_letter(self, index: int, letter: str) -> _Word:
        return replace(self, letters=self.letters[:index] + letter + self.letters[index + 1 :])


@dataclass(frozen=True, slots=True)
class _Syllable:
    initial: str
    vowels: str
    final: str

    @property
    def vowel_start(self) -> int:
        return len(self.initial)


def _decompose(word: str) -> _Word | None:
    letters: list[str] = []
    tone, tone_at = Tone.NONE, -1
    for index, char in enumerate(word):
        if not char.isalpha():
            return None
        lower = char.lower()
        vowel, char_tone = _UNTONE.get(lower, (lower, Tone.NONE))
        if char_tone != Tone.NONE:
            tone, tone_at = char_tone, index
        letters.append(vowel)
    return _Word("".join(letters), tuple(c != c.lower() for c in word), tone, tone_at)


def _fits(vowels: str, nucleus: str) -> bool:
    """Whether ``vowels`` is ``nucleus`` with some of its marks still to be typed."""
    return len(vowels) == len(nucleus) and all(
        v == n or v == _BASE.get(n) for v, n in zip(vowels, nucleus, strict=True)
    )


def _parse(letters: str) -> _Syllable | None:
    """Split a toneless word into initial, vowels and final; ``None`` if not Vietnamese.

    A word still being typed counts: ``ng``, ``tie`` and ``nguo`` are all accepted.
    """
    start = 0
    while start < len(letters) and letters[start] not in VOWELS:
        start += 1
    end = start
    while end < len(letters) and letters[end] in VOWELS:
        end += 1
    initial, vowels, final = letters[:start], letters[start:end], letters[end:]
    # "qu" and "gi" are initials when another vowel follows: quý, già, giữa (but gì).
    if initial == "q" and vowels.startswith("u"):
        initial, vowels = "qu", vowels[1:]
    elif initial == "g" and vowels.startswith("i") and len(vowels) > 1:
        initial, vowels = "gi", vowels[1:]
    if initial not in _INITIALS or final not in _FINALS:
        return None
    if vowels and not any(_fits(vowels, nucleus) for nucleus in _NUCLEI):
        return None
    if final and not vowels:
        return None
    return _Syllable(initial, vowels, final)


def _tone_index(syllable: _Syllable) -> int:
    """Where the tone mark goes, as an index into the whole word."""
    vowels = syllable.vowels
    shaped = [i for i, v in enumerate(vowels) if v in _SHAPED]
    if len(vowels) == 1:
        at = 0
    elif shaped:
        at = shaped[-1]  # ươ → ơ, uyê → ê, ưa → ư
    elif syllable.final:
        at = len(vowels) - 1  # hoàn, huỳnh, hoạch
    elif len(vowels) == 3:
        at = 1  # khoái, ngoáy, khuỷu
    else:
        at = 0  # hòa, thủy, khỏe, tài, mía, của
    return syllable.vowel_start + at


def _compose(word: _Word, tone: Tone, tone_at: int | None = None) -> str:
    """The word written out; the tone is placed by the rules unless ``tone_at`` says."""
    if tone != Tone.NONE and tone_at is None:
        syllable = _parse(word.letters)
        tone_at = _tone_index(syllable) if syllable and syllable.vowels else word.tone_at
    chars = []
    for index, letter in enumerate(word.letters):
        char = _TONED[letter][tone] if index == tone_at and letter in _TONED else letter
        chars.append(char.upper() if word.upper[index] else char)
    return unicodedata.normalize("NFC", "".join(chars))


def _untoned(word: _Word) -> str:
    return _compose(word, Tone.NONE)


def _as_typed(word: _Word) -> str:
    """The word with its tone where it already is (for undoing a mark)."""
    return _compose(word, word.tone, word.tone_at)


def _tone_key(word: _Word, tone: Tone, key: str) -> str | None:
    syllable = _parse(word.letters)
    if syllable is None or not syllable.vowels:
        return None
    if word.tone == tone:
        return _untoned(word) + key
    if syllable.final in _STOP_FINALS and tone not in {Tone.SAC, Tone.NANG}:
        return None
    return _compose(word, tone)


def _valid(word: _Word) -> str | None:
    syllable = _parse(word.letters)
    if syllable is None:
        return None
    return _compose(word, word.tone) if word.tone != Tone.NONE else _untoned(word)


def _circumflex(word: _Word, base: str, key: str) -> str | None:
    """``aa``→``â``, ``ee``→``ê``, ``oo``→``ô`` (also ``ă``/``ơ`` + the key)."""
    target = {"a": "â", "e": "ê", "o": "ô"}[base]
    if target in word.letters:
        index = word.letters.rindex(target)
        return _as_typed(word.with_letter(index, base)) + key
    for index in reversed(range(len(word.letters))):
        if _BASE.get(word.letters[index], word.letters[index]) == base:
            result = _valid(word.with_letter(index, target))
            if result is not None:
                return result
    return None


def _horn(word: _Word, key: str) -> str | None:
    """``w``: ``uo``→``ươ``, then ``a``→``ă``, ``o``→``ơ``, ``u``→``ư``; alone → ``ư``."""
    result = _horn_pair(word, key)
    if result is not None:
        return result
    if word.letters == "ư":
        return key  # "ww" → "w": the first w made the ư on its own
    return _horn_vowel(word, key)


def _horn_pair(word: _Word, key: str) -> str | None:
    """``uo`` + ``w`` → ``ươ`` (người, trường); ``ươ`` + ``w`` → ``uow``."""
    letters = word.letters
    pair = "".join(_BASE.get(c, c) for c in letters).find("uo")
    if pair < 0 or _parse(letters) is None:
        return None
    if letters[pair : pair + 2] == "ươ":
        return _as_typed(word.with_letter(pair, "u").with_letter(pair + 1, "o")) + key
    return _valid(word.with_letter(pair, "ư").with_letter(pair + 1, "ơ"))


def _horn_vowel(word: _Word, key: str) -> str | None:
    letters = word.letters
    for source, made in (("aâ", "ă"), ("oô", "ơ"), ("u", "ư")):
        if made in letters:
            return _as_typed(word.with_letter(letters.rindex(made), _BASE[made])) + key
        for index in reversed(range(len(letters))):
            if letters[index] in source:
                result = _valid(word.with_letter(index, made))
                if result is not None:
                    return result
    syllable = _parse(letters)
    if syllable is not None and not syllable.vowels and _parse(letters + "ư") is not None:
        return _as_typed(word) + ("Ư" if key.isupper() else "ư")  # "ngw" → "ngư"
    return None


def _stroke(word: _Word, key: str) -> str | None:
    """``dd``→``đ`` on the word's first letter, wherever the second ``d`` is typed."""
    if word.letters.startswith("đ"):
        return _as_typed(word.with_letter(0, "d")) + key
    if word.letters.startswith("d"):
        return _valid(word.with_letter(0, "đ"))
    return None


def _append(word_str: str, key: str) -> str:
    """A plain letter: the tone moves if the longer word needs it elsewhere (hòa→hoàn)."""
    typed = word_str + key
    longer = _decompose(typed)
    if longer is None or longer.tone == Tone.NONE or _parse(longer.letters) is None:
        return unicodedata.normalize("NFC", typed)
    return _compose(longer, longer.tone)


def type_key(word: str, key: str) -> str:
    """The word after typing the letter ``key`` at its end, Telex rules applied.

    ``word`` is the run of letters left of the cursor (see :func:`current_word_start`);
    a key that is not a letter is simply added, since it ends the word.
    """
    word = unicodedata.normalize("NFC", word)
    parsed = _decompose(word)
    if len(key) != 1 or not key.isalpha() or parsed is None:
        return word + key
    lower = key.lower()
    result: str | None = None
    if lower in TONE_KEYS:
        result = _tone_key(parsed, TONE_KEYS[lower], key)
    elif lower == "z":
        result = _untoned(parsed) if parsed.tone != Tone.NONE else None
    elif lower in "aeo":
        result = _circumflex(parsed, lower, key)
    elif lower == "w":
        result = _horn(parsed, key)
    elif lower == "d":
        result = _stroke(parsed, key)
    return result if result is not None else _append(word, key)


def set_tone(word: str, tone: Tone) -> str | None:
    """``word`` with ``tone`` on its right vowel, for the on-screen tone keys.

    The same tone again takes it off (a second tap undoes the first). ``None`` when the
    word is not a Vietnamese syllable with a vowel, so the key does nothing. Unlike a
    typed ``f`` after ``c``, an explicit tap is always honoured: it cannot be a letter.
    """
    parsed = _decompose(unicodedata.normalize("NFC", word))
    if parsed is None:
        return None
    syllable = _parse(parsed.letters)
    if syllable is None or not syllable.vowels:
        return None
    return _compose(parsed, Tone.NONE if parsed.tone == tone else tone)


def current_word_start(text: str) -> int:
    """Index where the word ending at the end of ``text`` starts (letters only)."""
    start = len(text)
    while start > 0 and text[start - 1].isalpha():
        start -= 1
    return start


def telex(text: str) -> str:
    """``text`` typed key by key through Telex, as a field would show it."""
    out = ""
    for key in text:
        if key.isalpha():
            start = current_word_start(out)
            out = out[:start] + type_key(out[start:], key)
        else:
            out += key
    return unicodedata.normalize("NFC", out)
