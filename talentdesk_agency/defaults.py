"""The reference agency's default configuration: packages, rules, replies, boundaries, contacts.

Written for companionship chat and call work in Indonesia: professional defaults (no
sexual content, no personal contacts or real names, no meeting offline, no video unless
the package says so, no payment outside the agency), every reply in Bahasa Indonesia
(addressing the customer as "kamu") and in English. Agencies replace all of it with
``talentdesk-agency config --file``.
"""

from __future__ import annotations

from talentdesk_contract.values import Channel
from talentdesk_contract.wire import (
    AgencyConfig,
    BoundaryAnswer,
    BoundaryItem,
    BoundaryPreset,
    DeclineReply,
    EmergencyContact,
    Language,
    PaceThreshold,
    Package,
    ReplyStyle,
)

__all__ = ["DEFAULT_AGENCY_NAME", "default_config"]

DEFAULT_AGENCY_NAME = "Agensi Contoh"

_PACKAGES = (
    Package(
        id="curhat-30",
        name="Teman Curhat 30 menit",
        channel=Channel.CHAT,
        duration_minutes=30,
        price_idr=25_000,
    ),
    Package(
        id="sleepcall-60",
        name="Sleep Call 60 menit",
        channel=Channel.CALL,
        duration_minutes=60,
        price_idr=75_000,
    ),
    Package(
        id="chatcall-90",
        name="Chat + Call 90 menit",
        channel=Channel.CHAT_CALL,
        duration_minutes=90,
        price_idr=120_000,
    ),
)

# The agency's refund rule: a reply slower than 2 minutes five times, or slower than
# 5 minutes three times, in one session.
_PACE = (
    PaceThreshold(slower_than_seconds=120, times=5),
    PaceThreshold(slower_than_seconds=300, times=3),
)

# (id suffix, style, shortcode, Indonesian text, English shortcode, English text)
_REPLIES: tuple[tuple[str, str, str, str, str, str], ...] = (
    (
        "polite",
        "polite",
        "sopan",
        "Maaf ya, untuk hal itu aku nggak bisa. Kita lanjut ngobrol yang lain, yuk?",
        "polite",
        "Sorry, that's something I can't do. Shall we keep talking about something else?",
    ),
    (
        "contact",
        "polite",
        "kontak",
        "Maaf, aku nggak bisa berbagi kontak pribadi atau nama asli ya. Semua obrolan kita "
        "lewat agensi aja, biar sama-sama aman.",
        "contact",
        "Sorry, I can't share personal contacts or real names. Let's keep everything through "
        "the agency, so we're both safe.",
    ),
    (
        "offline",
        "polite",
        "ketemu",
        "Makasih ya, tapi aku nggak bisa ketemuan di luar. Layananku cuma chat dan telepon "
        "lewat agensi.",
        "meet",
        "Thank you, but I can't meet in person. I only do chat and calls through the agency.",
    ),
    (
        "payment",
        "polite",
        "bayar",
        "Untuk pembayaran atau tambahan apa pun, semuanya lewat agensi ya. Aku nggak bisa "
        "terima pembayaran langsung.",
        "pay",
        "Any payment or extra goes through the agency, please. I can't accept payment directly.",
    ),
    (
        "video",
        "polite",
        "video",
        "Paket kita sekarang nggak termasuk video ya. Kalau kamu mau, bisa cek paket lain "
        "lewat agensi.",
        "no-video",
        "Our package doesn't include video. If you'd like, you can check other packages with "
        "the agency.",
    ),
    (
        "sexual",
        "polite",
        "batas",
        "Maaf, obrolan seperti itu di luar layanan aku ya. Aku senang nemenin kamu ngobrol "
        "hal lain.",
        "limit",
        "Sorry, that kind of talk is outside what I offer. I'm happy to keep you company "
        "with anything else.",
    ),
    (
        "humour",
        "humour",
        "canda",
        "Wah, itu di luar kemampuan super aku, hehe. Gimana kalau kamu cerita soal harimu aja?",
        "joke",
        "Ha, that's beyond my superpowers! How about you tell me about your day instead?",
    ),
    (
        "alternative",
        "alternative",
        "alt",
        "Kalau itu aku nggak bisa, tapi aku bisa nemenin kamu ngobrol santai atau dengerin "
        "cerita kamu. Mau yang mana?",
        "instead",
        "I can't do that, but I can keep you company with a relaxed chat or just listen. "
        "Which would you like?",
    ),
    (
        "opening",
        "opening",
        "buka",
        "Halo, aku {talent}, makasih sudah booking! Sesi kita sudah mulai ya. Mau cerita apa "
        "dulu malam ini?",
        "hello",
        "Hi, I'm {talent}, thanks for booking! Our session has started. What would you like "
        "to talk about tonight?",
    ),
    (
        "closing",
        "closing",
        "tutup",
        "Sesi kita sudah selesai ya. Makasih banyak sudah ngobrol bareng, semoga malammu "
        "menyenangkan! Kalau mau ngobrol lagi, kamu bisa booking lewat agensi.",
        "bye",
        "Our session is over now. Thank you so much for the chat, have a lovely night! If "
        "you'd like to talk again, you can book through the agency.",
    ),
)


def _replies() -> tuple[DeclineReply, ...]:
    out: list[DeclineReply] = []
    for suffix, style, code_id, text_id, code_en, text_en in _REPLIES:
        out.append(
            DeclineReply(
                id=f"id-{suffix}",
                style=ReplyStyle(style),
                language=Language.ID,
                text=text_id,
                shortcode=code_id,
            )
        )
        out.append(
            DeclineReply(
                id=f"en-{suffix}",
                style=ReplyStyle(style),
                language=Language.EN,
                text=text_en,
                shortcode=code_en,
            )
        )
    return tuple(out)


# (key, Indonesian label, English label, standard answer, chat-only answer, reply suffixes)
_BOUNDARIES: tuple[tuple[str, str, str, str, str, tuple[str, ...]], ...] = (
    ("service.chat", "Chat", "Chat", "ok", "ok", ()),
    (
        "service.call",
        "Telepon",
        "Voice call",
        "ok",
        "never",
        ("polite", "alternative"),
    ),
    (
        "service.video",
        "Panggilan video (hanya jika paketnya mencakup video)",
        "Video call (only if the package includes video)",
        "never",
        "never",
        ("video",),
    ),
    (
        "topic.sexual",
        "Obrolan atau permintaan seksual",
        "Sexual talk or requests",
        "never",
        "never",
        ("sexual", "humour"),
    ),
    (
        "topic.personal_info",
        "Berbagi kontak pribadi atau nama asli",
        "Sharing personal contacts or real names",
        "never",
        "never",
        ("contact",),
    ),
    (
        "topic.meet_offline",
        "Ketemuan di luar",
        "Meeting in person",
        "never",
        "never",
        ("offline", "alternative"),
    ),
    (
        "topic.payment_outside",
        "Pembayaran di luar agensi",
        "Payment outside the agency",
        "never",
        "never",
        ("payment",),
    ),
    (
        "session.extend",
        "Menambah durasi sesi (lewat agensi)",
        "Extending the session (through the agency)",
        "ask",
        "ask",
        ("payment",),
    ),
)


def _preset(preset_id: str, name: str, language: Language, chat_only: bool) -> BoundaryPreset:
    items = []
    for key, label_id, label_en, standard, chat_answer, suffixes in _BOUNDARIES:
        items.append(
            BoundaryItem(
                key=key,
                label=label_id if language == "id" else label_en,
                answer=BoundaryAnswer(chat_answer if chat_only else standard),
                decline_reply_ids=tuple(f"{language}-{s}" for s in suffixes),
            )
        )
    return BoundaryPreset(id=preset_id, name=name, language=language, items=tuple(items))


_PRESETS = (
    _preset("standar", "Standar", Language.ID, chat_only=False),
    _preset("standard", "Standard", Language.EN, chat_only=False),
    _preset("chat-saja", "Chat saja malam ini", Language.ID, chat_only=True),
    _preset("chat-only", "Chat only tonight", Language.EN, chat_only=True),
)

# Each line once per language: the app shows those in the talent's language.
_CONTACTS = (
    EmergencyContact(
        id="darurat-112",
        name="Darurat",
        number="112",
        note="Ambulans, pemadam kebakaran, polisi",
        language=Language.ID,
    ),
    EmergencyContact(id="polisi-110", name="Polisi", number="110", language=Language.ID),
    EmergencyContact(
        id="sejiwa-119",
        name="Kesehatan jiwa (SEJIWA)",
        number="119",
        note="Tekan 8 untuk layanan kesehatan jiwa",
        language=Language.ID,
    ),
    EmergencyContact(
        id="emergency-112",
        name="Emergency",
        number="112",
        note="Ambulance, fire brigade, police",
        language=Language.EN,
    ),
    EmergencyContact(id="police-110", name="Police", number="110", language=Language.EN),
    EmergencyContact(
        id="mental-health-119",
        name="Mental health (SEJIWA)",
        number="119",
        note="Press 8 for mental-health support",
        language=Language.EN,
    ),
)


def default_config() -> AgencyConfig:
    """The configuration a new agency database starts with."""
    return AgencyConfig(
        packages=_PACKAGES,
        pace_thresholds=_PACE,
        contact_window_minutes=10,
        decline_replies=_replies(),
        boundary_presets=_PRESETS,
        emergency_contacts=_CONTACTS,
    )
