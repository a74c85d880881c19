<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="id_ID" sourcelanguage="en_US">
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
        <source>Demo mode</source>
        <translation>Mode demo</translation>
    </message>
    <message>
        <source>Agency: not paired</source>
        <translation>Agensi: belum terhubung</translation>
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
        <source>Agency</source>
        <translation>Agensi</translation>
    </message>
    <message>
        <source>Not paired with an agency yet.</source>
        <translation>Belum terhubung ke agensi.</translation>
    </message>
    <message>
        <source>Pairing comes in an upcoming version of TalentDesk: you&apos;ll type the one-time code your agency gives you here, and your bookings will start to arrive.</source>
        <translation>Fitur menghubungkan ke agensi hadir di versi TalentDesk berikutnya: kamu akan mengetik kode sekali pakai dari agensimu di sini, lalu booking kamu mulai masuk.</translation>
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
    <name>TodayPage</name>
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
        <source>Open Settings</source>
        <translation>Buka Pengaturan</translation>
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
