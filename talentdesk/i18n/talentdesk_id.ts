<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="id_ID" sourcelanguage="en_US">
<context>
    <name>AgencySection</name>
    <message>
        <source>Unpair from the agency?</source>
        <extracomment>Longest pairing code accepted in the field (the agency&apos;s are &quot;XXXX-XXXX&quot;).</extracomment>
        <translation>Putuskan hubungan dengan agensi?</translation>
    </message>
    <message>
        <source>Unpair from %1?</source>
        <translation>Putuskan hubungan dengan %1?</translation>
    </message>
    <message>
        <source>New bookings stop arriving, and answers not yet delivered wait until you pair again. The bookings already here stay in your vault.</source>
        <translation>Booking baru tidak akan masuk lagi, dan jawaban yang belum terkirim menunggu sampai kamu terhubung lagi. Booking yang sudah ada tetap tersimpan di brankas kamu.</translation>
    </message>
    <message>
        <source>Unpair</source>
        <translation>Putuskan</translation>
    </message>
    <message>
        <source>Stay paired</source>
        <translation>Tetap terhubung</translation>
    </message>
    <message>
        <source>Agency</source>
        <translation>Agensi</translation>
    </message>
    <message>
        <source>Agency address</source>
        <translation>Alamat agensi</translation>
    </message>
    <message>
        <source>One-time code</source>
        <translation>Kode sekali pakai</translation>
    </message>
    <message>
        <source>Pairing…</source>
        <translation>Menghubungkan…</translation>
    </message>
    <message>
        <source>Pair with agency</source>
        <translation>Hubungkan ke agensi</translation>
    </message>
    <message>
        <source>Unpair…</source>
        <translation>Putuskan…</translation>
    </message>
    <message>
        <source>Not paired with an agency yet.</source>
        <translation>Belum terhubung ke agensi.</translation>
    </message>
    <message>
        <source>Your agency gives you its address and a one-time code. Once paired, your bookings arrive here and your answers reach the agency.</source>
        <translation>Agensi kamu memberikan alamatnya dan kode sekali pakai. Setelah terhubung, booking kamu masuk ke sini dan jawaban kamu sampai ke agensi.</translation>
    </message>
    <message>
        <source>Paired as %1 with %2.</source>
        <translation>Terhubung sebagai %1 dengan %2.</translation>
    </message>
    <message>
        <source>Agency address: %1 · paired on %2</source>
        <translation>Alamat agensi: %1 · terhubung sejak %2</translation>
    </message>
    <message>
        <source>d MMM yyyy, HH:mm</source>
        <translation>d MMM yyyy, HH.mm</translation>
    </message>
    <message>
        <source>DEMO: the sample agency runs on this computer (%1) and sends sample bookings. TalentDesk pairs with it by itself.</source>
        <translation>DEMO: agensi contoh berjalan di komputer ini (%1) dan mengirim booking contoh. TalentDesk terhubung ke sana dengan sendirinya.</translation>
    </message>
    <message>
        <source>%1 no longer accepts this device&apos;s token. Unpair, then pair again with a new code from your agency.</source>
        <translation>%1 tidak lagi menerima token perangkat ini. Putuskan hubungan, lalu hubungkan lagi dengan kode baru dari agensi kamu.</translation>
    </message>
    <message>
        <source>Type your agency&apos;s address and the one-time code it gave you.</source>
        <translation>Ketik alamat agensi kamu dan kode sekali pakai yang diberikannya.</translation>
    </message>
</context>
<context>
    <name>BookingsModel</name>
    <message>
        <source>Time</source>
        <extracomment>The booking of a row (any column), a ``Booking``. The id of the booking of a row, a ``str``.</extracomment>
        <translation>Waktu</translation>
    </message>
    <message>
        <source>Package</source>
        <translation>Paket</translation>
    </message>
    <message>
        <source>Covers</source>
        <translation>Layanan</translation>
    </message>
    <message>
        <source>Length</source>
        <translation>Durasi</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Harga</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message numerus="yes">
        <source>%n min</source>
        <translation>
            <numerusform>%n menit</numerusform>
        </translation>
    </message>
    <message>
        <source>HH:mm</source>
        <translation>HH.mm</translation>
    </message>
    <message>
        <source>Tomorrow %1</source>
        <translation>Besok %1</translation>
    </message>
    <message>
        <source>Yesterday %1</source>
        <translation>Kemarin %1</translation>
    </message>
    <message>
        <source>Chat only</source>
        <translation>Chat saja</translation>
    </message>
    <message>
        <source>Call only</source>
        <translation>Telepon saja</translation>
    </message>
    <message>
        <source>Chat + call</source>
        <translation>Chat + telepon</translation>
    </message>
    <message>
        <source>Waiting for your answer</source>
        <translation>Menunggu jawaban</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>Diterima</translation>
    </message>
    <message>
        <source>Declined</source>
        <translation>Ditolak</translation>
    </message>
    <message>
        <source>Cancelled by the agency</source>
        <translation>Dibatalkan agensi</translation>
    </message>
    <message>
        <source>In session</source>
        <translation>Sedang sesi</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Selesai</translation>
    </message>
    <message>
        <source>Unblock before start</source>
        <translation>Buka blokir dulu</translation>
    </message>
    <message>
        <source>Returning customer</source>
        <translation>Pelanggan lama</translation>
    </message>
    <message>
        <source>A returning customer booked you again through the agency. You blocked them after the last session: unblock them before this one starts.</source>
        <translation>Pelanggan lama memesan kamu lagi lewat agensi. Kamu memblokirnya setelah sesi terakhir: buka blokirnya sebelum sesi ini mulai.</translation>
    </message>
    <message>
        <source>Your answer is sent as soon as the agency can be reached.</source>
        <translation>Jawaban kamu dikirim begitu agensi bisa dihubungi.</translation>
    </message>
    <message>
        <source>The agency said: %1</source>
        <translation>Kata agensi: %1</translation>
    </message>
</context>
<context>
    <name>BoundariesPage</name>
    <message>
        <source>Boundaries</source>
        <translation>Batasan</translation>
    </message>
    <message>
        <source>No boundaries set yet</source>
        <translation>Belum ada batasan</translation>
    </message>
    <message>
        <source>Your boundaries appear here: what is OK, what you want to be asked about first, and what you never do.</source>
        <translation>Batasan kamu akan muncul di sini: apa yang boleh, apa yang perlu ditanyakan dulu ke kamu, dan apa yang tidak pernah kamu lakukan.</translation>
    </message>
    <message>
        <source>Your agency&apos;s boundary presets arrive when you pair with your agency; you can then adjust each one to suit you.</source>
        <translation>Set batasan dari agensi akan masuk setelah kamu menghubungkan TalentDesk ke agensi; setelah itu kamu bisa menyesuaikan masing-masing sesuai keinginanmu.</translation>
    </message>
</context>
<context>
    <name>BusyStep</name>
    <message>
        <source>Creating your vault…</source>
        <translation>Membuat brankas kamu…</translation>
    </message>
    <message>
        <source>Setting up encryption. This takes a moment.</source>
        <translation>Menyiapkan enkripsi. Tunggu sebentar, ya.</translation>
    </message>
    <message>
        <source>Locking TalentDesk…</source>
        <translation>Mengunci TalentDesk…</translation>
    </message>
    <message>
        <source>Stopping the sync with your agency, then closing your vault.</source>
        <translation>Menghentikan sinkronisasi dengan agensi, lalu menutup brankas kamu.</translation>
    </message>
    <message>
        <source>Opening your vault…</source>
        <translation>Membuka brankas kamu…</translation>
    </message>
    <message>
        <source>Checking your key. This takes a moment.</source>
        <translation>Memeriksa kunci kamu. Tunggu sebentar, ya.</translation>
    </message>
    <message>
        <source>Starting TalentDesk…</source>
        <translation>Menyiapkan TalentDesk…</translation>
    </message>
    <message>
        <source>Looking for your vault.</source>
        <translation>Mencari brankas kamu.</translation>
    </message>
</context>
<context>
    <name>LockedStep</name>
    <message>
        <source>TalentDesk is locked</source>
        <translation>TalentDesk terkunci</translation>
    </message>
    <message>
        <source>Your vault was closed to keep it safe. Press Unlock to open it again with the key in your system keyring.</source>
        <translation>Brankas kamu ditutup supaya tetap aman. Tekan Buka kunci untuk membukanya lagi dengan kunci yang tersimpan di keyring sistem kamu.</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Buka kunci</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Today</source>
        <translation>Hari ini</translation>
    </message>
    <message>
        <source>Boundaries</source>
        <translation>Batasan</translation>
    </message>
    <message>
        <source>Replies</source>
        <translation>Balasan</translation>
    </message>
    <message>
        <source>Safety</source>
        <translation>Keamanan</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Pengaturan</translation>
    </message>
    <message>
        <source>Vault unlocked · protected by your system keyring</source>
        <translation>Brankas terbuka · dilindungi keyring sistem kamu</translation>
    </message>
    <message>
        <source>Vault unlocked · protected by your passphrase</source>
        <translation>Brankas terbuka · dilindungi frasa sandi kamu</translation>
    </message>
    <message>
        <source>DEMO — sample agency on this computer, sample bookings</source>
        <translation>DEMO — agensi contoh di komputer ini, booking contoh</translation>
    </message>
    <message>
        <source>Lock now</source>
        <translation>Kunci sekarang</translation>
    </message>
</context>
<context>
    <name>NewPassphraseStep</name>
    <message>
        <source>Protect your vault with a passphrase</source>
        <translation>Lindungi brankasmu dengan frasa sandi</translation>
    </message>
    <message>
        <source>A system keyring was found but could not be used (%1), so a passphrase that you choose will protect your vault.</source>
        <translation>Keyring sistem ditemukan, tapi tidak bisa dipakai (%1). Jadi, brankas kamu akan dilindungi frasa sandi pilihanmu.</translation>
    </message>
    <message>
        <source>This computer has no system keyring, so a passphrase that you choose will protect your vault. You&apos;ll type it each time you open TalentDesk.</source>
        <translation>Komputer ini tidak punya keyring sistem, jadi brankas kamu akan dilindungi frasa sandi pilihanmu. Kamu perlu mengetiknya setiap kali membuka TalentDesk.</translation>
    </message>
    <message>
        <source>Good to know: with a passphrase only, the promise that a customer&apos;s data can&apos;t be recovered after a session is shredded is weaker. Old copies can stay in free disk space, and someone who later learns your passphrase could decrypt them. A system keyring gives the full guarantee.</source>
        <translation>Perlu kamu tahu: kalau hanya memakai frasa sandi, jaminan bahwa data pelanggan dari sebuah sesi tidak bisa dipulihkan lagi setelah dihancurkan jadi lebih lemah. Salinan lama bisa tertinggal di ruang kosong disk, dan orang yang kelak mengetahui frasa sandi kamu bisa mendekripsinya. Keyring sistem memberi jaminan penuh.</translation>
    </message>
    <message>
        <source>&amp;New passphrase</source>
        <translation>Frasa sandi &amp;baru</translation>
    </message>
    <message>
        <source>At least %1 characters</source>
        <translation>Minimal %1 karakter</translation>
    </message>
    <message>
        <source>Type it &amp;again</source>
        <translation>&amp;Ketik sekali lagi</translation>
    </message>
    <message>
        <source>If you forget it, nobody can open your vault, not even your agency.</source>
        <translation>Kalau kamu lupa, tidak ada yang bisa membuka brankas kamu, termasuk agensimu.</translation>
    </message>
    <message>
        <source>Creating…</source>
        <translation>Membuat…</translation>
    </message>
    <message>
        <source>Create my vault</source>
        <translation>Buat brankas</translation>
    </message>
    <message>
        <source>Your passphrase needs at least %1 characters.</source>
        <translation>Frasa sandi kamu perlu minimal %1 karakter.</translation>
    </message>
    <message>
        <source>The two passphrases don&apos;t match. Type them again.</source>
        <translation>Kedua frasa sandi tidak sama. Ketik ulang, ya.</translation>
    </message>
</context>
<context>
    <name>PassphraseStep</name>
    <message>
        <source>TalentDesk is locked</source>
        <translation>TalentDesk terkunci</translation>
    </message>
    <message>
        <source>Your vault was closed to keep it safe. Type your passphrase to continue.</source>
        <translation>Brankas kamu ditutup supaya tetap aman. Ketik frasa sandi kamu untuk melanjutkan.</translation>
    </message>
    <message>
        <source>Unlock TalentDesk</source>
        <translation>Buka kunci TalentDesk</translation>
    </message>
    <message>
        <source>Type your passphrase to open your vault.</source>
        <translation>Ketik frasa sandi kamu untuk membuka brankas.</translation>
    </message>
    <message>
        <source>&amp;Passphrase</source>
        <translation>&amp;Frasa sandi</translation>
    </message>
    <message>
        <source>Unlocking…</source>
        <translation>Membuka kunci…</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Buka kunci</translation>
    </message>
    <message>
        <source>That passphrase is wrong. Check it (and Caps Lock) and try again.</source>
        <translation>Frasa sandi itu salah. Periksa lagi (juga Caps Lock), lalu coba lagi.</translation>
    </message>
    <message>
        <source>Type your passphrase first.</source>
        <translation>Ketik frasa sandi kamu dulu.</translation>
    </message>
</context>
<context>
    <name>ProblemStep</name>
    <message>
        <source>Details: %1</source>
        <translation>Detail: %1</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Coba lagi</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Keluar</translation>
    </message>
    <message>
        <source>The system keyring can&apos;t be reached</source>
        <translation>Keyring sistem tidak bisa dihubungi</translation>
    </message>
    <message>
        <source>Your vault&apos;s key is kept in the system keyring, and TalentDesk couldn&apos;t reach it. Make sure you&apos;re logged in to your desktop as usual and that the keyring (for example GNOME Keyring or KWallet) is running and unlocked, then press Try again.</source>
        <translation>Kunci brankas kamu tersimpan di keyring sistem, tapi TalentDesk tidak bisa menghubunginya. Pastikan kamu sudah masuk ke desktop seperti biasa dan keyring-nya (misalnya GNOME Keyring atau KWallet) sedang berjalan dan tidak terkunci, lalu tekan Coba lagi.</translation>
    </message>
    <message>
        <source>The key to your vault is missing</source>
        <translation>Kunci brankas kamu tidak ditemukan</translation>
    </message>
    <message>
        <source>The system keyring answered, but it doesn&apos;t hold the key to this vault. That happens when the keyring was reset, or the vault was copied from another computer or user account. Without that key the vault can&apos;t be opened. If you have a backup of your keyring, restore it and press Try again; otherwise ask your agency&apos;s technical support for help.</source>
        <translation>Keyring sistem menjawab, tapi tidak menyimpan kunci untuk brankas ini. Ini terjadi kalau keyring pernah direset, atau brankas disalin dari komputer atau akun pengguna lain. Tanpa kunci itu, brankas tidak bisa dibuka. Kalau kamu punya cadangan keyring, pulihkan lalu tekan Coba lagi; kalau tidak, minta bantuan tim dukungan teknis agensimu.</translation>
    </message>
    <message>
        <source>This vault needs a newer TalentDesk</source>
        <translation>Brankas ini butuh TalentDesk versi lebih baru</translation>
    </message>
    <message>
        <source>Your vault was saved by a newer version of TalentDesk (vault version %1); this version knows up to %2. Update TalentDesk, then open it again.</source>
        <translation>Brankas kamu disimpan oleh TalentDesk versi yang lebih baru (versi brankas %1); versi ini hanya mengenal sampai %2. Perbarui TalentDesk, lalu buka lagi.</translation>
    </message>
    <message>
        <source>The vault file can&apos;t be read</source>
        <translation>File brankas tidak bisa dibaca</translation>
    </message>
    <message>
        <source>The file %1 isn&apos;t a TalentDesk vault, or its header is damaged. TalentDesk hasn&apos;t changed it. Restore it from a backup, or ask your agency&apos;s technical support for help.</source>
        <translation>File %1 bukan brankas TalentDesk, atau bagian kepalanya rusak. TalentDesk tidak mengubahnya. Pulihkan dari cadangan, atau minta bantuan tim dukungan teknis agensimu.</translation>
    </message>
    <message>
        <source>TalentDesk couldn&apos;t open your vault</source>
        <translation>TalentDesk tidak bisa membuka brankas kamu</translation>
    </message>
    <message>
        <source>Something went wrong while opening your vault. Press Try again; if it keeps happening, send the details below to your agency&apos;s technical support.</source>
        <translation>Ada yang salah saat membuka brankas kamu. Tekan Coba lagi; kalau masih terjadi, kirim detail di bawah ini ke tim dukungan teknis agensimu.</translation>
    </message>
    <message>
        <source>Something went wrong</source>
        <translation>Ada yang salah</translation>
    </message>
    <message>
        <source>TalentDesk hit an unexpected error while opening your vault. Press Try again; if it keeps happening, send the details below to your agency&apos;s technical support.</source>
        <translation>TalentDesk mengalami kesalahan tak terduga saat membuka brankas kamu. Tekan Coba lagi; kalau masih terjadi, kirim detail di bawah ini ke tim dukungan teknis agensimu.</translation>
    </message>
</context>
<context>
    <name>ReadyStep</name>
    <message>
        <source>Your vault is ready</source>
        <translation>Brankas kamu sudah siap</translation>
    </message>
    <message>
        <source>Its key is kept in your system keyring: %1.</source>
        <translation>Kuncinya disimpan di keyring sistem kamu: %1.</translation>
    </message>
    <message>
        <source>You don&apos;t need a passphrase: the vault opens by itself while you&apos;re logged in to this computer. When a session ends, its customer data is shredded, and even old copies left on the disk can no longer be decrypted.</source>
        <translation>Kamu tidak perlu frasa sandi: brankas terbuka sendiri selama kamu masuk di komputer ini. Saat sesi berakhir, data pelanggannya dihancurkan, dan salinan lama yang tertinggal di disk pun tidak bisa didekripsi lagi.</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>Lanjut</translation>
    </message>
</context>
<context>
    <name>RepliesPage</name>
    <message>
        <source>Replies</source>
        <translation>Balasan</translation>
    </message>
    <message>
        <source>No ready replies yet</source>
        <translation>Belum ada balasan siap pakai</translation>
    </message>
    <message>
        <source>Your ready replies appear here: opening and closing replies, and decline replies (polite decline, humour, offer an alternative) for requests outside your boundaries, each one click away during a session.</source>
        <translation>Balasan siap pakai kamu akan muncul di sini: balasan pembuka dan penutup, serta balasan penolakan (tolak sopan, candaan, tawarkan alternatif) untuk permintaan di luar batasanmu, masing-masing cukup sekali klik selama sesi.</translation>
    </message>
    <message>
        <source>Your agency&apos;s default replies arrive when you pair with your agency; you can edit them and add your own.</source>
        <translation>Balasan bawaan dari agensi akan masuk setelah kamu menghubungkan TalentDesk ke agensi; kamu bisa mengubahnya dan menambah balasanmu sendiri.</translation>
    </message>
</context>
<context>
    <name>SafetyPage</name>
    <message>
        <source>Safety</source>
        <translation>Keamanan</translation>
    </message>
    <message>
        <source>No escalations or reports</source>
        <translation>Belum ada eskalasi atau laporan</translation>
    </message>
    <message>
        <source>When you ask a supervisor for help during a session, or file an incident report, it appears here with its ticket number and progress: queued, delivered, acknowledged, resolved.</source>
        <translation>Saat kamu minta bantuan supervisor selama sesi, atau membuat laporan, semuanya muncul di sini lengkap dengan nomor tiket dan perkembangannya: antre, terkirim, diterima supervisor, selesai.</translation>
    </message>
    <message>
        <source>Your agency&apos;s emergency contacts and crisis guidance appear here once you pair with your agency in Settings.</source>
        <translation>Kontak darurat dan panduan krisis dari agensi akan muncul di sini setelah kamu menghubungkan TalentDesk ke agensi di Pengaturan.</translation>
    </message>
    <message>
        <source>Open Settings</source>
        <translation>Buka Pengaturan</translation>
    </message>
</context>
<context>
    <name>SessionWords</name>
    <message>
        <source>Chat only — no calls</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Call only — no chat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chat + call — both are included</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chat only</source>
        <translation type="unfinished">Chat saja</translation>
    </message>
    <message>
        <source>Call only</source>
        <translation type="unfinished">Telepon saja</translation>
    </message>
    <message>
        <source>Chat + call</source>
        <translation type="unfinished">Chat + telepon</translation>
    </message>
    <message>
        <source>To extend, ask the agency: the customer books more time there. TalentDesk never extends a session.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HH:mm</source>
        <translation type="unfinished">HH.mm</translation>
    </message>
    <message numerus="yes">
        <source>%n min</source>
        <translation type="unfinished">
            <numerusform>%n menit</numerusform>
        </translation>
    </message>
    <message>
        <source>Waiting for your answer</source>
        <translation type="unfinished">Menunggu jawaban</translation>
    </message>
    <message>
        <source>Upcoming</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contact window open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Live</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrap-up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done</source>
        <translation type="unfinished">Selesai</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Declined</source>
        <translation type="unfinished">Ditolak</translation>
    </message>
    <message>
        <source>Time passed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This booking is no longer here: the agency may have cancelled it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only an accepted booking can start.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another session is live. Finish it first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This returning customer must be unblocked before the session starts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It is too early: the session can start once the contact window opens.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The booked time is over; this session can no longer start.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This session is already finished.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The session step failed. Try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This reply no longer exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your agency&apos;s replies cannot be deleted; edit them, and your wording is kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write the reply&apos;s text first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The reply is too long: at most 1,000 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A shortcode uses only small letters, digits, - and _ (at most 32).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another reply in this language already has this shortcode.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the reply&apos;s language.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nine replies are pinned already. Unpin one first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The reply could not be saved. Try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This preset no longer exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your agency&apos;s presets cannot be deleted; edit one to make your own copy.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This boundary is no longer in the preset.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The preset already has this boundary.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The boundary&apos;s key is not valid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the preset a name of 1 to 80 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Describe the boundary in 1 to 200 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A preset holds at most 50 boundaries.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Link at most 10 decline replies to one boundary.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The preset could not be changed. Try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file could not be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file is too large to be a boundary preset.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file is not a boundary preset: it is not JSON.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file is not a TalentDesk boundary preset.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file comes from a newer TalentDesk. Update TalentDesk to import it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The preset file has a mistake in it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The preset could not be imported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Details: %1</source>
        <translation type="unfinished">Detail: %1</translation>
    </message>
    <message>
        <source>Fill in first: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send the closing reply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Block the customer in your chat app</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Block the customer&apos;s number for calls</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the conversation and the number from your recent chats and calls</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The agency&apos;s reply-pace rule was broken in this session.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answer now: this wait already breaks the agency&apos;s reply-pace rule.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Careful: one more slow reply breaks the agency&apos;s reply-pace rule.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This reply already counts as slow. Answer now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reply soon: this wait is about to count as slow.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Polite decline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Humour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offer an alternative</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opening reply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Closing reply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OK</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask me</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Never</source>
        <translation type="unfinished">Tidak pernah</translation>
    </message>
    <message>
        <source>Agency</source>
        <translation type="unfinished">Agensi</translation>
    </message>
    <message>
        <source>Mine · edited from the agency&apos;s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Indonesian</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>English</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any language</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Settings</source>
        <translation>Pengaturan</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Bahasa</translation>
    </message>
    <message>
        <source>Language of the app</source>
        <translation>Bahasa aplikasi</translation>
    </message>
    <message>
        <source>Auto-lock</source>
        <translation>Kunci otomatis</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Tidak pernah</translation>
    </message>
    <message numerus="yes">
        <source>After %n minute(s)</source>
        <translation>
            <numerusform>Setelah %n menit</numerusform>
        </translation>
    </message>
    <message>
        <source>TalentDesk locks itself and closes your vault when you haven&apos;t used the keyboard or mouse in it for a while.</source>
        <translation>TalentDesk mengunci diri dan menutup brankas kamu kalau keyboard atau mouse tidak kamu pakai di aplikasi ini selama beberapa waktu.</translation>
    </message>
    <message>
        <source>Lock automatically</source>
        <translation>Kunci TalentDesk</translation>
    </message>
    <message>
        <source>Vault</source>
        <translation>Brankas</translation>
    </message>
    <message>
        <source>Protected by your system keyring: %1.</source>
        <translation>Dilindungi keyring sistem kamu: %1.</translation>
    </message>
    <message>
        <source>When a session ends, its customer data is shredded, and even old copies left on the disk can no longer be decrypted.</source>
        <translation>Saat sesi berakhir, data pelanggannya dihancurkan, dan salinan lama yang tertinggal di disk pun tidak bisa didekripsi lagi.</translation>
    </message>
    <message>
        <source>Protected by your passphrase (no system keyring).</source>
        <translation>Dilindungi frasa sandi kamu (tanpa keyring sistem).</translation>
    </message>
    <message>
        <source>With a passphrase only, shredded customer data is less safe: old copies in free disk space could be decrypted by someone who later learns your passphrase. A system keyring gives the full guarantee.</source>
        <translation>Kalau hanya memakai frasa sandi, data pelanggan yang sudah dihancurkan kurang aman: salinan lama di ruang kosong disk bisa didekripsi oleh orang yang kelak mengetahui frasa sandi kamu. Keyring sistem memberi jaminan penuh.</translation>
    </message>
    <message>
        <source>Vault version: %1</source>
        <translation>Versi brankas: %1</translation>
    </message>
    <message>
        <source>Lock now</source>
        <translation>Kunci sekarang</translation>
    </message>
    <message>
        <source>About</source>
        <translation>Tentang</translation>
    </message>
    <message>
        <source>TalentDesk %1
Data folder: %2</source>
        <translation>TalentDesk %1
Folder data: %2</translation>
    </message>
</context>
<context>
    <name>ShiftLimitsSection</name>
    <message>
        <source>1 hour</source>
        <extracomment>The choices offered; a saved value that is not among them is offered too.</extracomment>
        <translation>1 jam</translation>
    </message>
    <message>
        <source>%1 hours</source>
        <translation>%1 jam</translation>
    </message>
    <message>
        <source>No break needed</source>
        <translation>Tanpa jeda</translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n menit</numerusform>
        </translation>
    </message>
    <message>
        <source>Shift limits</source>
        <translation>Batas shift</translation>
    </message>
    <message>
        <source>Before you accept a booking, TalentDesk warns you if it would break these limits. The night counts every booking within 12 hours of the new one.</source>
        <translation>Sebelum kamu menerima booking, TalentDesk mengingatkan kalau booking itu melanggar batas ini. Satu malam dihitung dari semua booking dalam 12 jam dari booking yang baru.</translation>
    </message>
    <message>
        <source>Most hours in a night</source>
        <translation>Jam sesi terbanyak semalam</translation>
    </message>
    <message>
        <source>Shortest break between sessions</source>
        <translation>Jeda terpendek antar sesi</translation>
    </message>
    <message>
        <source>Save limits</source>
        <translation>Simpan batas</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Tersimpan.</translation>
    </message>
    <message>
        <source>Not saved: the vault could not be written. Try again.</source>
        <translation>Belum tersimpan: brankas tidak bisa ditulis. Coba lagi.</translation>
    </message>
</context>
<context>
    <name>SyncWords</name>
    <message>
        <source>the agency did not answer in time</source>
        <translation>agensi tidak menjawab tepat waktu</translation>
    </message>
    <message>
        <source>the agency can&apos;t be reached (no connection)</source>
        <translation>agensi tidak bisa dihubungi (tidak ada koneksi)</translation>
    </message>
    <message>
        <source>the agency asked to slow down (too many requests)</source>
        <translation>agensi minta jeda (terlalu banyak permintaan)</translation>
    </message>
    <message>
        <source>the agency&apos;s server has a problem</source>
        <translation>server agensi sedang bermasalah</translation>
    </message>
    <message>
        <source>the agency&apos;s answer could not be read</source>
        <translation>jawaban agensi tidak bisa dibaca</translation>
    </message>
    <message>
        <source>the agency refused this device&apos;s token</source>
        <translation>agensi menolak token perangkat ini</translation>
    </message>
    <message>
        <source>the agency refused a request</source>
        <translation>agensi menolak sebuah permintaan</translation>
    </message>
    <message>
        <source>TalentDesk ran into an internal problem</source>
        <translation>TalentDesk mengalami masalah internal</translation>
    </message>
    <message>
        <source>something went wrong</source>
        <translation>ada yang tidak beres</translation>
    </message>
    <message>
        <source>the agency</source>
        <translation>agensi</translation>
    </message>
    <message>
        <source>Connected: paired as %1 with %2</source>
        <translation>Tersambung: terhubung sebagai %1 dengan %2</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>Menyambung ke %1…</translation>
    </message>
    <message>
        <source>Retrying: %1</source>
        <translation>Mencoba lagi: %1</translation>
    </message>
    <message>
        <source>Retrying in %1 s: %2</source>
        <translation>Mencoba lagi dalam %1 dtk: %2</translation>
    </message>
    <message>
        <source>Offline: %1</source>
        <translation>Sedang offline: %1</translation>
    </message>
    <message>
        <source>Offline, retrying in %1 s: %2</source>
        <translation>Offline, mencoba lagi dalam %1 dtk: %2</translation>
    </message>
    <message>
        <source>Token refused by %1: unpair and pair again in Settings</source>
        <translation>Token ditolak %1: putuskan lalu hubungkan lagi di Pengaturan</translation>
    </message>
    <message>
        <source>Paired as %1 with %2, not syncing</source>
        <translation>Terhubung sebagai %1 dengan %2, sinkronisasi berhenti</translation>
    </message>
    <message>
        <source>Not paired with an agency</source>
        <translation>Belum terhubung ke agensi</translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) waiting to be sent</source>
        <translation>
            <numerusform>%n item antre untuk dikirim</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) refused by the agency</source>
        <translation>
            <numerusform>%n item ditolak agensi</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n unknown event(s) skipped</source>
        <translation>
            <numerusform>%n pembaruan tak dikenal dilewati</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n unreadable event(s) skipped</source>
        <translation>
            <numerusform>%n pembaruan tak terbaca dilewati</numerusform>
        </translation>
    </message>
    <message>
        <source>queued</source>
        <translation>antre</translation>
    </message>
    <message>
        <source>delivered</source>
        <translation>terkirim</translation>
    </message>
    <message>
        <source>acknowledged</source>
        <translation>diterima supervisor</translation>
    </message>
    <message>
        <source>resolved</source>
        <translation>selesai</translation>
    </message>
    <message>
        <source>refused by the agency</source>
        <translation>ditolak agensi</translation>
    </message>
    <message>
        <source>TalentDesk refuses plain http:// for this address: the device token would travel unencrypted, and anyone on the network could read it and act as you. Use the agency&apos;s https:// address.</source>
        <translation>TalentDesk menolak http:// biasa untuk alamat ini: token perangkat akan dikirim tanpa enkripsi, sehingga siapa pun di jaringan bisa membacanya dan berpura-pura menjadi kamu. Pakai alamat https:// agensi.</translation>
    </message>
    <message>
        <source>This is not an agency address. It starts with https://, for example https://agency.example.com.</source>
        <translation>Ini bukan alamat agensi. Alamat agensi diawali https://, misalnya https://agency.example.com.</translation>
    </message>
    <message>
        <source>The agency doesn&apos;t know this code. Check it, or ask your agency for a new one.</source>
        <translation>Agensi tidak mengenal kode ini. Periksa lagi, atau minta kode baru ke agensi kamu.</translation>
    </message>
    <message>
        <source>This code was already used: each code works only once. Ask your agency for a new one.</source>
        <translation>Kode ini sudah dipakai: setiap kode hanya berlaku sekali. Minta kode baru ke agensi kamu.</translation>
    </message>
    <message>
        <source>This code has expired. Ask your agency for a new one.</source>
        <translation>Kode ini sudah kedaluwarsa. Minta kode baru ke agensi kamu.</translation>
    </message>
    <message>
        <source>The agency refused the pairing: %1</source>
        <translation>Agensi menolak permintaan menghubungkan: %1</translation>
    </message>
    <message>
        <source>Can&apos;t reach the agency at %1: %2. Check the address and your internet connection, then try again.</source>
        <translation>Agensi di %1 tidak bisa dihubungi: %2. Periksa alamatnya dan koneksi internet kamu, lalu coba lagi.</translation>
    </message>
    <message>
        <source>Pairing didn&apos;t finish because of a problem on this computer: %1</source>
        <translation>Gagal menghubungkan karena ada masalah di komputer ini: %1</translation>
    </message>
</context>
<context>
    <name>TodayPage</name>
    <message>
        <source>Check before you accept</source>
        <extracomment>How often the list is loaded again without news (times roll over midnight). The longest decline reason the agency accepts.</extracomment>
        <translation>Periksa dulu sebelum menerima</translation>
    </message>
    <message>
        <source>Before you accept the booking at %1 (%2):</source>
        <translation>Sebelum kamu menerima booking jam %1 (%2):</translation>
    </message>
    <message>
        <source>Accept anyway</source>
        <translation>Tetap terima</translation>
    </message>
    <message>
        <source>Don&apos;t accept</source>
        <translation>Jangan terima</translation>
    </message>
    <message>
        <source>your boundaries</source>
        <translation>batasan kamu</translation>
    </message>
    <message>
        <source>Your boundaries (%1) say never to chat, and this package includes chat.</source>
        <translation>Batasan kamu (%1) bilang tidak pernah chat, padahal paket ini termasuk chat.</translation>
    </message>
    <message>
        <source>Your boundaries (%1) say to ask you first about chat, and this package includes chat.</source>
        <translation>Batasan kamu (%1) bilang chat harus ditanyakan dulu ke kamu, dan paket ini termasuk chat.</translation>
    </message>
    <message>
        <source>Your boundaries (%1) say never to take calls, and this package includes a call.</source>
        <translation>Batasan kamu (%1) bilang tidak pernah menerima telepon, padahal paket ini termasuk telepon.</translation>
    </message>
    <message>
        <source>Your boundaries (%1) say to ask you first about calls, and this package includes a call.</source>
        <translation>Batasan kamu (%1) bilang telepon harus ditanyakan dulu ke kamu, dan paket ini termasuk telepon.</translation>
    </message>
    <message>
        <source>It goes against your boundaries (%1).</source>
        <translation>Booking ini bertentangan dengan batasan kamu (%1).</translation>
    </message>
    <message>
        <source>It overlaps your booking at %1 (%2).</source>
        <translation>Waktunya bertabrakan dengan booking kamu jam %1 (%2).</translation>
    </message>
    <message>
        <source>It takes you past your limit of %1 hours of sessions in a night.</source>
        <translation>Total sesi kamu malam itu jadi melewati batas %1 jam.</translation>
    </message>
    <message numerus="yes">
        <source>It leaves you less than your %n minute(s) of break between sessions.</source>
        <translation>
            <numerusform>Jeda antar sesi jadi kurang dari batas kamu, %n menit.</numerusform>
        </translation>
    </message>
    <message>
        <source>It breaks one of your shift limits.</source>
        <translation>Booking ini melanggar salah satu batas shift kamu.</translation>
    </message>
    <message>
        <source>Decline booking</source>
        <translation>Tolak booking</translation>
    </message>
    <message>
        <source>Decline the booking at %1 (%2)?

You can tell the agency why (optional):</source>
        <translation>Tolak booking jam %1 (%2)?

Kamu bisa memberi tahu agensi alasannya (boleh dikosongkan):</translation>
    </message>
    <message>
        <source>Decline</source>
        <translation>Tolak</translation>
    </message>
    <message>
        <source>Keep it</source>
        <translation>Batal</translation>
    </message>
    <message>
        <source>You accepted the booking at %1 (%2).</source>
        <translation>Kamu menerima booking jam %1 (%2).</translation>
    </message>
    <message>
        <source>You declined the booking at %1 (%2).</source>
        <translation>Kamu menolak booking jam %1 (%2).</translation>
    </message>
    <message>
        <source>The agency refused your answer: %1</source>
        <translation>Agensi menolak jawaban kamu: %1</translation>
    </message>
    <message>
        <source>Your answer is queued: it is sent as soon as the agency can be reached.</source>
        <translation>Jawaban kamu antre: dikirim begitu agensi bisa dihubungi.</translation>
    </message>
    <message>
        <source>Your answer was delivered to the agency.</source>
        <translation>Jawaban kamu sudah terkirim ke agensi.</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Hari ini</translation>
    </message>
    <message>
        <source>No bookings yet</source>
        <translation>Belum ada booking</translation>
    </message>
    <message>
        <source>Your bookings for today and tonight appear here when your agency sends them, each with its package and start time, so you can start and end every session on time.</source>
        <translation>Booking kamu untuk hari ini dan malam ini akan muncul di sini setelah dikirim agensi, masing-masing dengan paket dan jam mulainya, supaya kamu bisa memulai dan mengakhiri setiap sesi tepat waktu.</translation>
    </message>
    <message>
        <source>To receive bookings, pair TalentDesk with your agency in Settings.</source>
        <translation>Supaya bisa menerima booking, hubungkan TalentDesk ke agensi kamu di Pengaturan.</translation>
    </message>
    <message>
        <source>You&apos;re paired with %1: new bookings appear here as soon as it sends them.</source>
        <translation>Kamu sudah terhubung ke %1: booking baru muncul di sini begitu dikirim.</translation>
    </message>
    <message>
        <source>Open Settings</source>
        <translation>Buka Pengaturan</translation>
    </message>
    <message>
        <source>Tonight</source>
        <translation>Malam ini</translation>
    </message>
    <message numerus="yes">
        <source>%n booking(s)</source>
        <translation>
            <numerusform>%n booking</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n waiting for your answer</source>
        <translation>
            <numerusform>%n menunggu jawaban kamu</numerusform>
        </translation>
    </message>
    <message>
        <source>Select a booking that waits for your answer to accept or decline it.</source>
        <translation>Pilih booking yang menunggu jawaban kamu untuk menerima atau menolaknya.</translation>
    </message>
    <message>
        <source>Accept</source>
        <translation>Terima</translation>
    </message>
    <message>
        <source>Decline…</source>
        <translation>Tolak…</translation>
    </message>
    <message>
        <source>This booking was already answered, or the agency cancelled it meanwhile.</source>
        <translation>Booking ini sudah dijawab, atau sudah dibatalkan agensi.</translation>
    </message>
    <message>
        <source>Your answer could not be saved. Try again.</source>
        <translation>Jawaban kamu tidak bisa disimpan. Coba lagi.</translation>
    </message>
    <message>
        <source>Tonight&apos;s bookings could not be loaded. They are loaded again soon.</source>
        <translation>Booking malam ini tidak bisa dimuat. Sebentar lagi dimuat ulang.</translation>
    </message>
    <message numerus="yes">
        <source>%n booking(s) could not be read: the vault&apos;s check failed. Ask your agency to send them again if they are missing here.</source>
        <translation>
            <numerusform>%n booking tidak bisa dibaca: pemeriksaan brankas gagal. Minta agensi mengirim ulang kalau ada yang hilang di sini.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>UnlockScreen</name>
    <message>
        <source>your shift desk</source>
        <translation>meja kerja shift kamu</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>Bahasa:</translation>
    </message>
</context>
</TS>
