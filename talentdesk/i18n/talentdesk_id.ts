<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="id_ID" sourcelanguage="en_US">
<context>
    <name>AfterCareDialog</name>
    <message>
        <source>Your break is over. Go on when you are ready.</source>
        <extracomment>How often the break&apos;s countdown looks at the clock.</extracomment>
        <translation>Istirahat kamu sudah selesai. Lanjutkan kalau kamu sudah siap.</translation>
    </message>
    <message>
        <source>New sessions wait until your break is over, or until you end it.</source>
        <translation>Sesi baru menunggu sampai istirahat kamu selesai, atau sampai kamu mengakhirinya.</translation>
    </message>
    <message>
        <source>After the session</source>
        <translation>Setelah sesi</translation>
    </message>
    <message>
        <source>That was a hard session</source>
        <translation>Sesi tadi berat</translation>
    </message>
    <message>
        <source>This session was hard: %1. Take a moment for yourself before the next one.</source>
        <translation>Sesi ini berat: %1. Luangkan waktu sejenak untuk diri kamu sebelum sesi berikutnya.</translation>
    </message>
    <message numerus="yes">
        <source>%n min</source>
        <translation>
            <numerusform>%n menit</numerusform>
        </translation>
    </message>
    <message>
        <source>End break</source>
        <translation>Akhiri istirahat</translation>
    </message>
    <message>
        <source>How are you feeling right now?</source>
        <translation>Bagaimana perasaan kamu sekarang?</translation>
    </message>
    <message>
        <source>I&apos;m OK</source>
        <translation>Aku baik-baik saja</translation>
    </message>
    <message>
        <source>A bit shaken</source>
        <translation>Agak terguncang</translation>
    </message>
    <message>
        <source>Not OK</source>
        <translation>Tidak baik-baik saja</translation>
    </message>
    <message>
        <source>Good. Stretch, drink some water, and go on when you are ready.</source>
        <translation>Syukurlah. Regangkan badan, minum air, lalu lanjutkan kalau kamu sudah siap.</translation>
    </message>
    <message>
        <source>That is normal after a hard session. A short break helps; so does talking it through in a debrief.</source>
        <translation>Itu wajar setelah sesi yang berat. Istirahat sebentar bisa membantu, begitu juga membicarakannya dengan supervisor.</translation>
    </message>
    <message>
        <source>Your supervisor has been told you are not OK and will contact you. Please don&apos;t carry this alone: you don&apos;t have to take the next booking right away.</source>
        <translation>Supervisor kamu sudah diberi tahu bahwa kamu sedang tidak baik-baik saja dan akan menghubungi kamu. Jangan dipikul sendiri ya: kamu tidak harus langsung mengambil booking berikutnya.</translation>
    </message>
    <message>
        <source>Please don&apos;t carry this alone: ask your supervisor for a talk, or call them. You don&apos;t have to take the next booking right away.</source>
        <translation>Jangan dipendam sendiri: minta waktu bicara dengan supervisor, atau telepon dia. Kamu tidak harus langsung mengambil booking berikutnya.</translation>
    </message>
    <message numerus="yes">
        <source>Take %n minute(s): stand up, drink some water, breathe slowly. Nothing here needs you meanwhile.</source>
        <translation>
            <numerusform>Ambil %n menit: berdiri, minum air, tarik napas pelan-pelan. Selama itu tidak ada yang perlu kamu urus di sini.</numerusform>
        </translation>
    </message>
    <message>
        <source>Only counts are kept (check-ins, breaks, debriefs), never what you answered.</source>
        <translation>Yang disimpan hanya jumlahnya (cek kondisi, istirahat, permintaan bicara), bukan jawaban kamu.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Tutup</translation>
    </message>
</context>
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
        <translation>Putuskan hubungan</translation>
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
        <translation>Putuskan hubungan…</translation>
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
    <name>AreYouOkPrompt</name>
    <message>
        <source>Your supervisor is told automatically in %1</source>
        <extracomment>Qt platforms on which a window may ask to stay on top.</extracomment>
        <translation>Supervisor diberi tahu otomatis dalam %1</translation>
    </message>
    <message>
        <source>The escalation could not be saved. Call your agency now, or 112 in an emergency.</source>
        <translation>Eskalasi tidak bisa disimpan. Telepon agensi kamu sekarang, atau 112 kalau darurat.</translation>
    </message>
    <message>
        <source>Are you OK?</source>
        <translation>Kamu baik-baik saja?</translation>
    </message>
    <message numerus="yes">
        <source>Your session is more than %n minute(s) over its booked time.</source>
        <translation>
            <numerusform>Sesi kamu sudah lewat lebih dari %n menit dari waktu yang dipesan.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>If you don&apos;t answer within %n minute(s), your supervisor is asked to check on you.</source>
        <translation>
            <numerusform>Kalau kamu tidak menjawab dalam %n menit, supervisor akan diminta mengecek kondisi kamu.</numerusform>
        </translation>
    </message>
    <message>
        <source>Your supervisor has been told</source>
        <translation>Supervisor sudah diberi tahu</translation>
    </message>
    <message>
        <source>You did not answer “Are you OK?”, so TalentDesk asked your supervisor to check on you. If you are fine, you can cancel it.</source>
        <translation>Kamu belum menjawab “Kamu baik-baik saja?”, jadi TalentDesk meminta supervisor mengecek kondisi kamu. Kalau kamu baik-baik saja, kamu bisa membatalkannya.</translation>
    </message>
    <message>
        <source>Help is on its way</source>
        <translation>Permintaan bantuan sudah dikirim</translation>
    </message>
    <message>
        <source>Your supervisor was asked for help. Follow it in the session window; if you are in danger, call an emergency number now.</source>
        <translation>Supervisor sudah dimintai bantuan. Pantau perkembangannya di jendela sesi; kalau kamu dalam bahaya, telepon nomor darurat sekarang.</translation>
    </message>
    <message>
        <source>I&apos;m OK</source>
        <translation>Aku baik-baik saja</translation>
    </message>
    <message>
        <source>I need help</source>
        <translation>Aku butuh bantuan</translation>
    </message>
    <message>
        <source>I&apos;m OK — cancel it (false alarm)</source>
        <translation>Aku baik-baik saja — batalkan (salah tekan)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Tutup</translation>
    </message>
</context>
<context>
    <name>BlanksDialog</name>
    <message>
        <source>Fill in the reply</source>
        <extracomment>Language filter choices: the talent&apos;s replies in one language, or both. How long the &quot;copied&quot; note stays. The widest a blank&apos;s field grows to show its hint whole.</extracomment>
        <translation>Lengkapi balasan</translation>
    </message>
    <message>
        <source>This reply has blanks for you to fill in before copying.</source>
        <translation>Balasan ini punya bagian kosong yang perlu kamu isi sebelum disalin.</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Salin</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <source>Required</source>
        <translation>Wajib diisi</translation>
    </message>
    <message>
        <source>Optional: left empty, it says “%1”</source>
        <translation>Boleh dikosongkan: kalau kosong, isinya “%1”</translation>
    </message>
</context>
<context>
    <name>BookingsModel</name>
    <message>
        <source>Time</source>
        <extracomment>The booking of a row (any column), a ``Booking``. The id of the booking of a row, a ``str``. Stages that say more than the booking&apos;s status. A space that never breaks the line. The columns that go under the package&apos;s name on a narrow window.</extracomment>
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
        <source>The agency&apos;s reason: “%1”</source>
        <translation>Alasan agensi: “%1”</translation>
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
    <message numerus="yes">
        <source>%n preset(s) could not be read: the vault&apos;s check failed. Ask your agency to send its presets again if one is missing.</source>
        <translation>
            <numerusform>%n profil batasan tidak bisa dibaca: pemeriksaan brankas gagal. Minta agensi mengirim ulang kalau ada yang hilang.</numerusform>
        </translation>
    </message>
    <message>
        <source>The boundaries could not be loaded. Try again.</source>
        <translation>Batasan tidak bisa dimuat. Coba lagi.</translation>
    </message>
    <message>
        <source>The change could not be saved. Try again.</source>
        <translation>Perubahan tidak bisa disimpan. Coba lagi.</translation>
    </message>
    <message>
        <source>%1 (my copy)</source>
        <translation>%1 (salinanku)</translation>
    </message>
    <message>
        <source>Rename preset</source>
        <translation>Ganti nama profil batasan</translation>
    </message>
    <message>
        <source>New name:</source>
        <translation>Nama baru:</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>Ganti nama</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <source>Delete preset</source>
        <translation>Hapus profil batasan</translation>
    </message>
    <message>
        <source>Delete your preset “%1”?</source>
        <translation>Hapus profil batasan kamu “%1”?</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Hapus</translation>
    </message>
    <message>
        <source>Keep it</source>
        <translation>Jangan hapus</translation>
    </message>
    <message>
        <source>Deleted.</source>
        <translation>Sudah dihapus.</translation>
    </message>
    <message>
        <source>Export boundary preset</source>
        <translation>Ekspor profil batasan</translation>
    </message>
    <message>
        <source>Boundary presets (%1)</source>
        <translation>Profil batasan (%1)</translation>
    </message>
    <message>
        <source>Import boundary preset</source>
        <translation>Impor profil batasan</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Semua file (*)</translation>
    </message>
    <message>
        <source>Exported “%1” to %2.</source>
        <translation>“%1” sudah diekspor ke %2.</translation>
    </message>
    <message>
        <source>The file could not be written: %1</source>
        <translation>File tidak bisa ditulis: %1</translation>
    </message>
    <message>
        <source>The preset could not be exported.</source>
        <translation>Profil batasan tidak bisa diekspor.</translation>
    </message>
    <message>
        <source>Imported “%1” as your own preset.</source>
        <translation>“%1” sudah diimpor sebagai profil batasan milik kamu.</translation>
    </message>
    <message numerus="yes">
        <source>%n linked reply(ies) are not in TalentDesk here and were left out.</source>
        <translation>
            <numerusform>%n balasan yang ditautkan tidak ada di TalentDesk ini, jadi tidak ikut diimpor.</numerusform>
        </translation>
    </message>
    <message>
        <source>The preset could not be imported.</source>
        <translation>Profil batasan tidak bisa diimpor.</translation>
    </message>
    <message>
        <source>Choose a preset</source>
        <translation>Pilih profil batasan</translation>
    </message>
    <message>
        <source>In force</source>
        <translation>Sedang dipakai</translation>
    </message>
    <message>
        <source>Not in force</source>
        <translation>Tidak dipakai</translation>
    </message>
    <message>
        <source>Use this preset</source>
        <translation>Pakai profil ini</translation>
    </message>
    <message>
        <source>No decline reply is linked to: %1. Link one so it is ready in a session.</source>
        <translation>Belum ada balasan penolakan untuk: %1. Tautkan satu supaya siap dipakai saat sesi.</translation>
    </message>
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
        <translation>Profil batasan dari agensi akan masuk setelah kamu menghubungkan TalentDesk ke agensi; setelah itu kamu bisa menyesuaikan masing-masing sesuai keinginan kamu.</translation>
    </message>
    <message>
        <source>Import a preset…</source>
        <translation>Impor profil batasan…</translation>
    </message>
    <message>
        <source>Presets</source>
        <translation>Profil batasan</translation>
    </message>
    <message>
        <source>Tick the preset to use; one is in force at a time.</source>
        <translation>Centang profil yang mau dipakai; hanya satu yang berlaku dalam satu waktu.</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>Impor…</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Ekspor…</translation>
    </message>
    <message>
        <source>This is your agency&apos;s preset. Changing it makes your own copy, which is then in force if this one was; the agency&apos;s stays as it is.</source>
        <translation>Ini profil batasan dari agensi. Kalau kamu mengubahnya, TalentDesk membuat salinan milik kamu, yang langsung berlaku kalau profil ini sedang dipakai; profil dari agensi tetap seperti aslinya.</translation>
    </message>
    <message>
        <source>Decline replies…</source>
        <translation>Balasan penolakan…</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>Duplikat</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>Ganti nama…</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Hapus…</translation>
    </message>
</context>
<context>
    <name>BoundaryItemsModel</name>
    <message>
        <source>Boundary</source>
        <translation>Batasan</translation>
    </message>
    <message>
        <source>Your answer</source>
        <translation>Jawaban kamu</translation>
    </message>
    <message>
        <source>Decline replies</source>
        <translation>Balasan penolakan</translation>
    </message>
    <message>
        <source>None linked yet</source>
        <translation>Belum ada yang ditautkan</translation>
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
    <name>ClosingPanel</name>
    <message>
        <source>Copied — paste it into your chat, then tick it off.</source>
        <translation>Sudah disalin — tempel di chat, lalu centang langkahnya.</translation>
    </message>
    <message>
        <source>The session could not be finished. Check the vault and try again.</source>
        <translation>Sesi tidak bisa diselesaikan. Periksa brankas lalu coba lagi.</translation>
    </message>
    <message>
        <source>Finishing keeps the session&apos;s record and destroys the customer&apos;s details.</source>
        <translation>Menyelesaikan sesi menyimpan catatan sesi dan menghapus data pelanggan.</translation>
    </message>
    <message>
        <source>Tick off every step to finish the session.</source>
        <translation>Centang semua langkah untuk menyelesaikan sesi.</translation>
    </message>
    <message>
        <source>Wrap-up time: %1 left to close and block.</source>
        <translation>Waktu penutupan: sisa %1 untuk menutup dan memblokir.</translation>
    </message>
    <message>
        <source>Wrap-up time is over. Finish when you are done.</source>
        <translation>Waktu penutupan sudah habis. Selesaikan kalau semuanya sudah beres.</translation>
    </message>
    <message>
        <source>Session ended</source>
        <translation>Sesi berakhir</translation>
    </message>
    <message>
        <source>The session lasted %1 of the %2 booked.</source>
        <translation>Sesi berlangsung %1 dari %2 yang dipesan.</translation>
    </message>
    <message>
        <source>%1 over time.</source>
        <translation>Lewat waktu %1.</translation>
    </message>
    <message>
        <source>Closing reply</source>
        <translation>Balasan penutup</translation>
    </message>
    <message>
        <source>There is no closing reply in your language yet. Write one on the Replies page; for now, thank the customer in your own words.</source>
        <translation>Belum ada balasan penutup dalam bahasa kamu. Tulis satu di halaman Balasan; untuk sekarang, ucapkan terima kasih ke pelanggan dengan kata-kata kamu sendiri.</translation>
    </message>
    <message>
        <source>Copy closing reply</source>
        <translation>Salin balasan penutup</translation>
    </message>
    <message>
        <source>Before you finish</source>
        <translation>Sebelum selesai</translation>
    </message>
    <message>
        <source>Finish session</source>
        <translation>Selesaikan sesi</translation>
    </message>
</context>
<context>
    <name>CompactWindow</name>
    <message>
        <source>Nobody is waiting</source>
        <extracomment>Qt platforms on which a window may ask to stay on top. The compact window&apos;s one size: beside a phone-sized chat window on a 1366×768 screen. The room of the sync chip and the &quot;on top&quot; toggle in the top row (fixed: a longer word never pushes the scope chip). How many replies the search shows (Ctrl+1… copies them). How a pace message colours the pace box: nearing the limit, or past it.</extracomment>
        <translation>Tidak ada yang menunggu</translation>
    </message>
    <message>
        <source>Waiting %1</source>
        <translation>Menunggu %1</translation>
    </message>
    <message numerus="yes">
        <source>%n slow reply(s)</source>
        <translation>
            <numerusform>%n balasan lambat</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n slow reply(s) · limit %1 over %2</source>
        <translation>
            <numerusform>%n balasan lambat · maks. %1× lebih dari %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n s</source>
        <translation>
            <numerusform>%n dtk</numerusform>
        </translation>
    </message>
    <message>
        <source>No reply found</source>
        <translation>Tidak ada balasan yang cocok</translation>
    </message>
    <message>
        <source>No reply at Ctrl+%1 in this list.</source>
        <translation>Tidak ada balasan di Ctrl+%1 dalam daftar ini.</translation>
    </message>
    <message>
        <source>Copied %1</source>
        <translation>Tersalin %1</translation>
    </message>
    <message>
        <source>time left</source>
        <translation>sisa waktu</translation>
    </message>
    <message>
        <source>wrap up</source>
        <translation>saatnya menutup sesi</translation>
    </message>
    <message>
        <source>over time · to extend, ask the agency</source>
        <translation>lewat waktu · perpanjang lewat agensi</translation>
    </message>
    <message>
        <source>session ended · finish in the full window</source>
        <translation>sesi berakhir · selesaikan di jendela penuh</translation>
    </message>
    <message>
        <source>On top</source>
        <translation>Di atas</translation>
    </message>
    <message>
        <source>Keep this window above your chat app</source>
        <translation>Jaga jendela ini tetap di atas aplikasi chat kamu</translation>
    </message>
    <message>
        <source>The customer wrote: the wait starts (F8).</source>
        <translation>Pelanggan menulis: waktu tunggu mulai dihitung (F8).</translation>
    </message>
    <message>
        <source>You answered (F9). Copying a ready reply counts as an answer.</source>
        <translation>Kamu sudah membalas (F9). Menyalin balasan siap pakai juga dihitung sebagai balasan.</translation>
    </message>
    <message>
        <source>Search… (Enter copies the top one)</source>
        <translation>Cari… (Enter = salin teratas)</translation>
    </message>
    <message>
        <source>Open full window</source>
        <translation>Buka jendela penuh</translation>
    </message>
</context>
<context>
    <name>ContactPanel</name>
    <message numerus="yes">
        <source>Copied. Cleared from the clipboard in %n s.</source>
        <translation>
            <numerusform>Tersalin. Dihapus dari clipboard dalam %n dtk.</numerusform>
        </translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Pelanggan</translation>
    </message>
    <message>
        <source>Alias</source>
        <translation>Nama alias</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Kontak</translation>
    </message>
    <message>
        <source>Copy handle</source>
        <translation>Salin kontak</translation>
    </message>
    <message>
        <source>Copied as a secret: clipboard managers are asked not to keep it, and it is cleared after 30 seconds.</source>
        <translation>Disalin sebagai rahasia: pengelola clipboard diminta tidak menyimpannya, dan isinya dihapus setelah 30 detik.</translation>
    </message>
    <message>
        <source>The customer&apos;s contact shows only from shortly before the start until the session is finished.</source>
        <translation>Kontak pelanggan hanya tampil sejak sesaat sebelum mulai sampai sesi selesai.</translation>
    </message>
</context>
<context>
    <name>EscalateBox</name>
    <message>
        <source>The escalation could not be saved on this device. Call your agency now, or 112 in an emergency.</source>
        <translation>Eskalasi tidak bisa disimpan di perangkat ini. Telepon agensi kamu sekarang, atau 112 kalau darurat.</translation>
    </message>
    <message>
        <source>Escalate · Ctrl+Shift+E</source>
        <translation>Eskalasi · Ctrl+Shift+E</translation>
    </message>
    <message>
        <source>Escalate — ask a supervisor for help</source>
        <translation>Eskalasi — minta bantuan supervisor</translation>
    </message>
    <message>
        <source>One click asks your supervisor for help at once (Ctrl+Shift+E). You can add details afterwards.</source>
        <translation>Sekali klik langsung minta bantuan supervisor (Ctrl+Shift+E). Detailnya bisa kamu tambahkan sesudahnya.</translation>
    </message>
    <message>
        <source>Crisis playbook</source>
        <translation>Panduan krisis</translation>
    </message>
    <message>
        <source>Report an incident</source>
        <translation>Buat laporan</translation>
    </message>
</context>
<context>
    <name>EscalateStrip</name>
    <message>
        <source>Not saved: call your agency now, or 112 in an emergency.</source>
        <translation>Tidak tersimpan: telepon agensi kamu sekarang, atau 112 kalau darurat.</translation>
    </message>
    <message>
        <source>No escalation in this session</source>
        <translation>Belum ada eskalasi di sesi ini</translation>
    </message>
    <message>
        <source>Nobody has taken it: call %1 now</source>
        <translation>Belum ada yang menanggapi: telepon %1 sekarang</translation>
    </message>
    <message>
        <source>waiting %1</source>
        <translation>menunggu %1</translation>
    </message>
    <message>
        <source>Escalate · Ctrl+Shift+E</source>
        <translation>Eskalasi · Ctrl+Shift+E</translation>
    </message>
    <message>
        <source>One click asks your supervisor for help at once (Ctrl+Shift+E). Add details in the full window.</source>
        <translation>Sekali klik langsung minta bantuan supervisor (Ctrl+Shift+E). Tambahkan detail di jendela penuh.</translation>
    </message>
</context>
<context>
    <name>EscalationPanel</name>
    <message>
        <source>waiting %1</source>
        <translation>menunggu %1</translation>
    </message>
    <message>
        <source>That did not work. Try again, or call your agency.</source>
        <translation>Belum berhasil. Coba lagi, atau telepon agensi kamu.</translation>
    </message>
    <message>
        <source>Add details (optional): what is happening?</source>
        <translation>Tambah detail (opsional): apa yang sedang terjadi?</translation>
    </message>
    <message>
        <source>Note (no customer names or contacts)</source>
        <translation>Catatan (tanpa nama atau kontak pelanggan)</translation>
    </message>
    <message>
        <source>Send details</source>
        <translation>Kirim detail</translation>
    </message>
    <message>
        <source>False alarm</source>
        <translation>Salah tekan</translation>
    </message>
    <message>
        <source>Pressed by mistake? Cancel it, and your agency is told.</source>
        <translation>Tidak sengaja tertekan? Batalkan, dan agensi akan diberi tahu.</translation>
    </message>
    <message>
        <source>Cancel this escalation as a false alarm?</source>
        <translation>Batalkan eskalasi ini karena salah tekan?</translation>
    </message>
    <message>
        <source>Yes, it was a mistake</source>
        <translation>Ya, salah tekan</translation>
    </message>
    <message>
        <source>No, keep it</source>
        <translation>Jangan, tetap kirim</translation>
    </message>
    <message>
        <source>Hide details</source>
        <translation>Sembunyikan detail</translation>
    </message>
    <message>
        <source>Add details</source>
        <translation>Tambah detail</translation>
    </message>
    <message>
        <source>Sent at %1</source>
        <extracomment>Signs that call for emergency services at once (their buttons are tinted).</extracomment>
        <translation>Dikirim pukul %1</translation>
    </message>
    <message>
        <source>agency reference %1</source>
        <translation>referensi agensi %1</translation>
    </message>
</context>
<context>
    <name>EscalationsModel</name>
    <message>
        <source>Sent</source>
        <extracomment>Text colour of a row that needs no attention any more. The role giving the row&apos;s object.</extracomment>
        <translation>Dikirim</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Keadaan</translation>
    </message>
    <message>
        <source>Crisis sign</source>
        <translation>Tanda krisis</translation>
    </message>
    <message>
        <source>About</source>
        <translation>Tentang</translation>
    </message>
</context>
<context>
    <name>GuardPanel</name>
    <message>
        <source>The escalation could not be saved on this device. Call your agency now, or 112 in an emergency.</source>
        <extracomment>While nothing ticks (no session), the escalation&apos;s wait still counts up once a second.</extracomment>
        <translation>Eskalasi tidak bisa disimpan di perangkat ini. Telepon agensi kamu sekarang, atau 112 kalau darurat.</translation>
    </message>
    <message>
        <source>time left</source>
        <translation>sisa waktu</translation>
    </message>
    <message>
        <source>over time · end it politely after unlocking</source>
        <translation>lewat waktu · tutup dengan sopan setelah membuka kunci</translation>
    </message>
    <message>
        <source>session ended · finish it after unlocking</source>
        <translation>sesi berakhir · selesaikan setelah membuka kunci</translation>
    </message>
    <message>
        <source>waiting %1</source>
        <translation>menunggu %1</translation>
    </message>
    <message>
        <source>Your session goes on while TalentDesk is locked</source>
        <translation>Sesi kamu tetap berjalan selama TalentDesk terkunci</translation>
    </message>
    <message>
        <source>Your escalation stays open while TalentDesk is locked</source>
        <translation>Eskalasi kamu tetap terbuka selama TalentDesk terkunci</translation>
    </message>
    <message>
        <source>Escalate — ask a supervisor for help</source>
        <translation>Eskalasi — minta bantuan supervisor</translation>
    </message>
    <message>
        <source>One click asks your supervisor for help at once (Ctrl+Shift+E).</source>
        <translation>Sekali klik langsung minta bantuan supervisor (Ctrl+Shift+E).</translation>
    </message>
    <message>
        <source>Are you OK?</source>
        <translation>Kamu baik-baik saja?</translation>
    </message>
    <message>
        <source>I&apos;m OK</source>
        <translation>Aku baik-baik saja</translation>
    </message>
    <message>
        <source>I need help</source>
        <translation>Aku butuh bantuan</translation>
    </message>
    <message>
        <source>Unlock to see the session, your replies and the customer&apos;s contact. Sync and the safety check go on meanwhile.</source>
        <translation>Buka kunci untuk melihat sesi, balasan kamu, dan kontak pelanggan. Sinkronisasi dan cek keamanan tetap berjalan.</translation>
    </message>
</context>
<context>
    <name>LinkRepliesDialog</name>
    <message numerus="yes">
        <source>%n of at most 10 chosen.</source>
        <extracomment>What a preset file is called in the file dialogs&apos; filter.</extracomment>
        <translation>
            <numerusform>%n dari maksimal 10 dipilih.</numerusform>
        </translation>
    </message>
    <message>
        <source>Decline replies</source>
        <translation>Balasan penolakan</translation>
    </message>
    <message>
        <source>Which replies should TalentDesk suggest when a customer asks for: %1?</source>
        <translation>Balasan mana yang disarankan TalentDesk kalau pelanggan meminta: %1?</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>Tautkan</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
</context>
<context>
    <name>LockedStep</name>
    <message>
        <source>TalentDesk is locked</source>
        <translation>TalentDesk terkunci</translation>
    </message>
    <message>
        <source>Your customer&apos;s details are hidden while you&apos;re away; the session and the escalate button above keep working. Press Unlock to see everything again.</source>
        <translation>Data pelanggan kamu disembunyikan selama kamu pergi; sesi dan tombol eskalasi di atas tetap jalan. Tekan Buka kunci untuk melihat semuanya lagi.</translation>
    </message>
    <message>
        <source>The demo vault was closed. Press Unlock to open it again: its key is kept, unprotected, in the demo folder.</source>
        <translation>Brankas demo ditutup. Tekan Buka kunci untuk membukanya lagi: kuncinya disimpan tanpa perlindungan di folder demo.</translation>
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
        <source>Night summary</source>
        <translation>Ringkasan malam</translation>
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
        <source>Demo vault · its key is in the demo folder, unprotected</source>
        <translation>Brankas demo · kuncinya ada di folder demo, tanpa perlindungan</translation>
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
        <translation>Lindungi brankas kamu dengan frasa sandi</translation>
    </message>
    <message>
        <source>A system keyring was found but could not be used (%1), so a passphrase that you choose will protect your vault.</source>
        <translation>Keyring sistem ditemukan, tapi tidak bisa dipakai (%1). Jadi, brankas kamu akan dilindungi frasa sandi pilihan kamu.</translation>
    </message>
    <message>
        <source>This computer has no system keyring, so a passphrase that you choose will protect your vault. You&apos;ll type it each time you open TalentDesk.</source>
        <translation>Komputer ini tidak punya keyring sistem, jadi brankas kamu akan dilindungi frasa sandi pilihan kamu. Kamu perlu mengetiknya setiap kali membuka TalentDesk.</translation>
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
        <translation>Kalau kamu lupa, tidak ada yang bisa membuka brankas kamu, termasuk agensi kamu.</translation>
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
    <name>NightChart</name>
    <message>
        <source>No sessions yet</source>
        <extracomment>The page loads again this often (tonight rolls over at noon).</extracomment>
        <translation>Belum ada sesi</translation>
    </message>
    <message>
        <source>Tonight</source>
        <translation>Malam ini</translation>
    </message>
    <message numerus="yes">
        <source>%n session(s)</source>
        <translation>
            <numerusform>%n sesi</numerusform>
        </translation>
    </message>
    <message>
        <source>Earnings per night, the last seven nights</source>
        <translation>Pendapatan per malam, tujuh malam terakhir</translation>
    </message>
</context>
<context>
    <name>PassphraseStep</name>
    <message>
        <source>TalentDesk is locked</source>
        <translation>TalentDesk terkunci</translation>
    </message>
    <message>
        <source>Your customer&apos;s details are hidden while you&apos;re away; the session and the escalate button above keep working. Type your passphrase to see everything again.</source>
        <translation>Data pelanggan kamu disembunyikan selama kamu pergi; sesi dan tombol eskalasi di atas tetap jalan. Ketik frasa sandi kamu untuk melihat semuanya lagi.</translation>
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
    <name>PlaybookPanel</name>
    <message>
        <source>Copy</source>
        <translation>Salin</translation>
    </message>
    <message>
        <source>Copy the number</source>
        <translation>Salin nomornya</translation>
    </message>
    <message>
        <source>Copied %1</source>
        <translation>Tersalin %1</translation>
    </message>
    <message>
        <source>Crisis playbook</source>
        <translation>Panduan krisis</translation>
    </message>
    <message>
        <source>Pick what you notice. Each sign shows what to do, and who to call.</source>
        <translation>Pilih yang kamu lihat. Tiap tanda menunjukkan apa yang perlu dilakukan dan siapa yang bisa dihubungi.</translation>
    </message>
    <message>
        <source>Call emergency services now: %1. Then escalate.</source>
        <translation>Telepon layanan darurat sekarang: %1. Lalu eskalasi.</translation>
    </message>
    <message>
        <source>What to do</source>
        <translation>Tindakan yang disarankan</translation>
    </message>
    <message>
        <source>Escalate with this sign</source>
        <translation>Eskalasi dengan tanda ini</translation>
    </message>
    <message>
        <source>Asks your supervisor for help now, with this crisis sign filled in.</source>
        <translation>Langsung minta bantuan supervisor, dengan tanda krisis ini terisi.</translation>
    </message>
    <message>
        <source>Report it</source>
        <translation>Laporkan</translation>
    </message>
    <message>
        <source>Your supervisor was asked for help, with “%1”.</source>
        <translation>Supervisor sudah dimintai bantuan, dengan tanda “%1”.</translation>
    </message>
    <message>
        <source>Emergency contacts</source>
        <translation>Kontak darurat</translation>
    </message>
    <message>
        <source>Indonesia&apos;s public lines, until your agency sends its own.</source>
        <translation>Layanan publik Indonesia, sampai agensi kamu mengirim kontaknya sendiri.</translation>
    </message>
    <message>
        <source>From your agency.</source>
        <translation>Dari agensi kamu.</translation>
    </message>
</context>
<context>
    <name>PlaybookWindow</name>
    <message>
        <source>Crisis playbook</source>
        <translation>Panduan krisis</translation>
    </message>
</context>
<context>
    <name>PresetListModel</name>
    <message>
        <source>Mine · changed from the agency&apos;s</source>
        <extracomment>The ``BoundaryPreset`` of a row. The preset&apos;s id. The ``BoundaryItem`` of a row (any column). The item&apos;s key.</extracomment>
        <translation>Milikku · diubah dari agensi</translation>
    </message>
    <message>
        <source>In force now. Uncheck to use no preset.</source>
        <translation>Sedang berlaku. Hapus centang kalau tidak mau memakai profil apa pun.</translation>
    </message>
    <message>
        <source>Check to put this preset in force.</source>
        <translation>Centang untuk memberlakukan profil ini.</translation>
    </message>
</context>
<context>
    <name>PresetView</name>
    <message>
        <source>No boundary preset</source>
        <translation>Tanpa profil batasan</translation>
    </message>
    <message>
        <source>Click to see the decline replies for this boundary.</source>
        <translation>Klik untuk melihat balasan penolakan untuk batasan ini.</translation>
    </message>
    <message>
        <source>Your boundaries</source>
        <translation>Batasan kamu</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Ganti</translation>
    </message>
    <message>
        <source>The boundary preset in force for your sessions</source>
        <translation>Profil batasan yang berlaku untuk sesi kamu</translation>
    </message>
    <message>
        <source>No boundary preset is in force. Choose one with Change, or on the Boundaries page.</source>
        <translation>Belum ada profil batasan yang berlaku. Pilih satu lewat Ganti, atau di halaman Batasan.</translation>
    </message>
    <message>
        <source>Click a boundary to see its decline replies.</source>
        <translation>Klik sebuah batasan untuk melihat balasan penolakannya.</translation>
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
        <translation>Keyring sistem menjawab, tapi tidak menyimpan kunci untuk brankas ini. Ini terjadi kalau keyring pernah direset, atau brankas disalin dari komputer atau akun pengguna lain. Tanpa kunci itu, brankas tidak bisa dibuka. Kalau kamu punya cadangan keyring, pulihkan lalu tekan Coba lagi; kalau tidak, minta bantuan tim dukungan teknis agensi kamu.</translation>
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
        <translation>File %1 bukan brankas TalentDesk, atau bagian kepalanya rusak. TalentDesk tidak mengubahnya. Pulihkan dari cadangan, atau minta bantuan tim dukungan teknis agensi kamu.</translation>
    </message>
    <message>
        <source>TalentDesk couldn&apos;t open your vault</source>
        <translation>TalentDesk tidak bisa membuka brankas kamu</translation>
    </message>
    <message>
        <source>Something went wrong while opening your vault. Press Try again; if it keeps happening, send the details below to your agency&apos;s technical support.</source>
        <translation>Ada yang salah saat membuka brankas kamu. Tekan Coba lagi; kalau masih terjadi, kirim detail di bawah ini ke tim dukungan teknis agensi kamu.</translation>
    </message>
    <message>
        <source>Something went wrong</source>
        <translation>Ada yang salah</translation>
    </message>
    <message>
        <source>TalentDesk hit an unexpected error while opening your vault. Press Try again; if it keeps happening, send the details below to your agency&apos;s technical support.</source>
        <translation>TalentDesk mengalami kesalahan tak terduga saat membuka brankas kamu. Tekan Coba lagi; kalau masih terjadi, kirim detail di bawah ini ke tim dukungan teknis agensi kamu.</translation>
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
    <name>ReminderBanner</name>
    <message>
        <source>Dismiss</source>
        <translation>Tutup</translation>
    </message>
</context>
<context>
    <name>Reminders</name>
    <message>
        <source>The agency cancelled your booking at %1 (%2).</source>
        <extracomment>How often the reminders look at tonight&apos;s bookings.</extracomment>
        <translation>Agensi membatalkan booking kamu pukul %1 (%2).</translation>
    </message>
    <message>
        <source>Their reason: “%1”</source>
        <translation>Alasannya: “%1”</translation>
    </message>
    <message>
        <source>Booking cancelled</source>
        <translation>Booking dibatalkan</translation>
    </message>
    <message numerus="yes">
        <source>Session in %n minute(s)</source>
        <translation>
            <numerusform>Sesi dalam %n menit</numerusform>
        </translation>
    </message>
    <message>
        <source>Your session starts now</source>
        <translation>Sesi kamu mulai sekarang</translation>
    </message>
    <message>
        <source>%1 at %2: %3. Start it in TalentDesk when you are ready.</source>
        <translation>%1 pukul %2: %3. Mulai di TalentDesk kalau kamu sudah siap.</translation>
    </message>
    <message>
        <source>Unblock the returning customer before you start.</source>
        <translation>Buka blokir pelanggan lama sebelum mulai.</translation>
    </message>
</context>
<context>
    <name>RepliesPage</name>
    <message numerus="yes">
        <source>%n reply(ies) could not be read: the vault&apos;s check failed. Ask your agency to send its replies again if one is missing.</source>
        <extracomment>The editor&apos;s language choices, in order. The &quot;saved&quot; note stays this long.</extracomment>
        <translation>
            <numerusform>%n balasan tidak bisa dibaca: pemeriksaan brankas gagal. Minta agensi mengirim ulang kalau ada yang hilang.</numerusform>
        </translation>
    </message>
    <message>
        <source>The replies could not be loaded. Try again.</source>
        <translation>Balasan tidak bisa dimuat. Coba lagi.</translation>
    </message>
    <message>
        <source>Too long: %1 of at most 1,000 characters.</source>
        <translation>Terlalu panjang: %1 dari maksimal 1.000 karakter.</translation>
    </message>
    <message>
        <source>TalentDesk cannot fill in: %1</source>
        <translation>TalentDesk tidak bisa mengisi: %1</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Tersimpan.</translation>
    </message>
    <message>
        <source>The change could not be saved. Try again.</source>
        <translation>Perubahan tidak bisa disimpan. Coba lagi.</translation>
    </message>
    <message>
        <source>Copied to the clipboard.</source>
        <translation>Sudah disalin ke clipboard.</translation>
    </message>
    <message>
        <source>Delete reply</source>
        <translation>Hapus balasan</translation>
    </message>
    <message>
        <source>Delete this reply of your own? This cannot be undone.</source>
        <translation>Hapus balasan milik kamu ini? Tidak bisa dibatalkan.</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Hapus</translation>
    </message>
    <message>
        <source>Keep it</source>
        <translation>Jangan hapus</translation>
    </message>
    <message>
        <source>Deleted.</source>
        <translation>Sudah dihapus.</translation>
    </message>
    <message>
        <source>Back to the agency&apos;s wording.</source>
        <translation>Kembali ke kata-kata dari agensi.</translation>
    </message>
    <message numerus="yes">
        <source>%n reply(ies)</source>
        <translation>
            <numerusform>%n balasan</numerusform>
        </translation>
    </message>
    <message>
        <source>New reply of your own</source>
        <translation>Balasan baru milik kamu</translation>
    </message>
    <message>
        <source>Select a reply to edit it, or make a new one.</source>
        <translation>Pilih balasan untuk mengubahnya, atau buat yang baru.</translation>
    </message>
    <message>
        <source>Your agency&apos;s reply. Change it and your version is kept as your own, whatever the agency updates.</source>
        <translation>Balasan agensi. Kalau kamu ubah, versi kamu disimpan terpisah dan tetap ada walau agensi memperbaruinya.</translation>
    </message>
    <message>
        <source>Your version of an agency reply, kept through the agency&apos;s updates. “Use the agency&apos;s wording” brings the original back.</source>
        <translation>Versi kamu dari balasan agensi, tetap ada walau agensi memperbaruinya. “Pakai kata-kata agensi” mengembalikan aslinya.</translation>
    </message>
    <message>
        <source>Unpin</source>
        <translation>Lepas sematan</translation>
    </message>
    <message>
        <source>Pin</source>
        <translation>Sematkan</translation>
    </message>
    <message>
        <source>Pinned replies are Ctrl+1…Ctrl+9 in a session, in pin order.</source>
        <translation>Balasan tersemat jadi Ctrl+1…Ctrl+9 saat sesi, sesuai urutan sematan.</translation>
    </message>
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
        <translation>Balasan siap pakai kamu akan muncul di sini: balasan pembuka dan penutup, serta balasan penolakan (tolak sopan, candaan, tawarkan alternatif) untuk permintaan di luar batasan kamu, masing-masing cukup sekali klik selama sesi.</translation>
    </message>
    <message>
        <source>Your agency&apos;s default replies arrive when you pair with your agency; you can edit them and add your own.</source>
        <translation>Balasan bawaan dari agensi akan masuk setelah kamu menghubungkan TalentDesk ke agensi; kamu bisa mengubahnya dan menambah balasan kamu sendiri.</translation>
    </message>
    <message>
        <source>New reply</source>
        <translation>Balasan baru</translation>
    </message>
    <message>
        <source>Search by shortcode or words</source>
        <translation>Cari dengan kode singkat atau kata</translation>
    </message>
    <message>
        <source>Both languages</source>
        <translation>Kedua bahasa</translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation>Semua jenis</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Jenis</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Bahasa</translation>
    </message>
    <message>
        <source>Shortcode</source>
        <translation>Kode singkat</translation>
    </message>
    <message>
        <source>e.g. tutup (typed as /tutup)</source>
        <translation>mis. tutup (diketik /tutup)</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Teks</translation>
    </message>
    <message>
        <source>Filled in for you: {talent} your working name, {minutes_left} minutes left, {package} the package. {?reason} asks you when copying.</source>
        <translation>Diisi otomatis: {talent} nama kerja kamu, {minutes_left} sisa menit, {package} nama paket. {?reason} ditanyakan ke kamu saat menyalin.</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Simpan</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Salin</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Hapus…</translation>
    </message>
    <message>
        <source>Use the agency&apos;s wording</source>
        <translation>Pakai kata-kata agensi</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
</context>
<context>
    <name>ReplyCopier</name>
    <message>
        <source>This reply uses %1, which TalentDesk cannot fill in now.</source>
        <translation>Balasan ini memakai %1, yang belum bisa diisi TalentDesk sekarang.</translation>
    </message>
    <message>
        <source>{talent} is your working name, and it is not set yet: copied now, the reply leaves it out. Set it in Settings → Your working name.</source>
        <translation>{talent} adalah nama kerja kamu, dan belum diisi: kalau disalin sekarang, bagian itu kosong. Isi di Pengaturan → Nama kerja kamu.</translation>
    </message>
    <message>
        <source>Copied now, the reply leaves it out.</source>
        <translation>Kalau disalin sekarang, bagian itu kosong.</translation>
    </message>
    <message>
        <source>Copy with a gap?</source>
        <translation>Salin dengan bagian kosong?</translation>
    </message>
    <message>
        <source>Copy anyway</source>
        <translation>Tetap salin</translation>
    </message>
    <message>
        <source>Don&apos;t copy</source>
        <translation>Jangan salin</translation>
    </message>
</context>
<context>
    <name>ReplyPaceBar</name>
    <message>
        <source>%1 replies slower than %2</source>
        <translation>%1 balasan lebih lambat dari %2</translation>
    </message>
    <message>
        <source>The agency refunds the customer after %1 in one session.</source>
        <translation>Agensi mengembalikan uang pelanggan setelah %1 dalam satu sesi.</translation>
    </message>
    <message>
        <source> or </source>
        <translation> atau </translation>
    </message>
    <message numerus="yes">
        <source>%n s</source>
        <translation>
            <numerusform>%n dtk</numerusform>
        </translation>
    </message>
    <message>
        <source>Nobody is waiting for your answer.</source>
        <translation>Tidak ada yang menunggu balasan kamu.</translation>
    </message>
    <message>
        <source>The customer has waited %1.</source>
        <translation>Pelanggan sudah menunggu %1.</translation>
    </message>
    <message numerus="yes">
        <source>Slow replies this session: %n</source>
        <translation>
            <numerusform>Balasan lambat di sesi ini: %n</numerusform>
        </translation>
    </message>
    <message>
        <source>Reply pace</source>
        <translation>Kecepatan balas</translation>
    </message>
    <message>
        <source>Press when a message from the customer arrives: the wait starts. In this window, F8 does it too.</source>
        <translation>Tekan saat pesan dari pelanggan masuk: waktu tunggu mulai dihitung. Di jendela ini, F8 juga bisa.</translation>
    </message>
    <message>
        <source>Press when you answered. Copying a ready reply counts as an answer. In this window, F9 does it too.</source>
        <translation>Tekan setelah kamu membalas. Menyalin balasan siap pakai juga dihitung sebagai balasan. Di jendela ini, F9 juga bisa.</translation>
    </message>
</context>
<context>
    <name>ReplySearchPanel</name>
    <message>
        <source>Nothing is pinned at Ctrl+%1. Pin replies on the Replies page.</source>
        <translation>Belum ada balasan yang disematkan di Ctrl+%1. Sematkan balasan di halaman Balasan.</translation>
    </message>
    <message>
        <source>The reply could not be copied. Try again.</source>
        <translation>Balasan tidak bisa disalin. Coba lagi.</translation>
    </message>
    <message>
        <source>Decline replies for: %1</source>
        <translation>Balasan penolakan untuk: %1</translation>
    </message>
    <message>
        <source>No decline reply is linked to this boundary yet (see Boundaries).</source>
        <translation>Belum ada balasan penolakan yang ditautkan ke batasan ini (lihat Batasan).</translation>
    </message>
    <message>
        <source>No reply matches. Try fewer letters.</source>
        <translation>Tidak ada balasan yang cocok. Coba lebih sedikit huruf.</translation>
    </message>
    <message>
        <source>No ready replies yet: they arrive with your agency&apos;s settings.</source>
        <translation>Belum ada balasan siap pakai: balasan datang bersama pengaturan dari agensi.</translation>
    </message>
    <message>
        <source>Copied %1 — paste it into your chat.</source>
        <translation>%1 tersalin — tempel di chat kamu.</translation>
    </message>
    <message>
        <source>(It is in %1.)</source>
        <translation>(Balasan ini dalam %1.)</translation>
    </message>
    <message>
        <source>Ready replies</source>
        <translation>Balasan</translation>
    </message>
    <message>
        <source>Search /shortcode or words</source>
        <translation>Cari /kode atau kata</translation>
    </message>
    <message>
        <source>Both languages</source>
        <translation>Kedua bahasa</translation>
    </message>
    <message>
        <source>Show all</source>
        <translation>Tampilkan semua</translation>
    </message>
    <message>
        <source>Click a reply to copy it. Ctrl+1…Ctrl+9 copy your pinned replies.</source>
        <translation>Klik balasan untuk menyalinnya. Ctrl+1…Ctrl+9 menyalin balasan yang kamu sematkan.</translation>
    </message>
</context>
<context>
    <name>ReportDialog</name>
    <message>
        <source>The report could not be saved. Try again.</source>
        <translation>Laporan tidak bisa disimpan. Coba lagi.</translation>
    </message>
    <message>
        <source>Your agency refused the report “%1”.</source>
        <extracomment>The categories in the order the talent sees them.</extracomment>
        <translation>Agensi kamu menolak laporan “%1”.</translation>
    </message>
    <message>
        <source>The agency said: %1</source>
        <translation>Kata agensi: %1</translation>
    </message>
    <message>
        <source>Contact your agency directly.</source>
        <translation>Hubungi agensi kamu langsung.</translation>
    </message>
    <message>
        <source>“%1” is saved on this device and on its way to your agency. Its ticket number shows here as soon as the agency has it.</source>
        <translation>“%1” sudah tersimpan di perangkat ini dan sedang dikirim ke agensi kamu. Nomor tiketnya muncul di sini begitu agensi menerimanya.</translation>
    </message>
    <message>
        <source>Your agency has “%1”.</source>
        <translation>Agensi kamu sudah menerima “%1”.</translation>
    </message>
    <message>
        <source>Ticket %1 · %2 · %3</source>
        <translation>Tiket %1 · %2 · %3</translation>
    </message>
    <message>
        <source>From your agency: %1</source>
        <translation>Dari agensi kamu: %1</translation>
    </message>
    <message>
        <source>The Safety page follows it as your agency works on it.</source>
        <translation>Halaman Keamanan mengikuti perkembangannya selama agensi kamu menanganinya.</translation>
    </message>
    <message>
        <source>Report an incident</source>
        <translation>Buat laporan</translation>
    </message>
    <message>
        <source>Which session?</source>
        <translation>Sesi yang mana?</translation>
    </message>
    <message>
        <source>No session in the last 24 hours. Reports are filed during a session or up to 24 hours after it; for anything older, contact your agency directly.</source>
        <translation>Tidak ada sesi dalam 24 jam terakhir. Laporan dibuat selama sesi atau paling lambat 24 jam sesudahnya; untuk yang lebih lama, hubungi agensi kamu langsung.</translation>
    </message>
    <message>
        <source>What happened?</source>
        <translation>Apa yang terjadi?</translation>
    </message>
    <message>
        <source>Choose a category</source>
        <translation>Pilih kategori</translation>
    </message>
    <message>
        <source>Describe it in your own words</source>
        <translation>Ceritakan dengan kata-kata kamu sendiri</translation>
    </message>
    <message>
        <source>What was said or asked, and when. Leave out the customer&apos;s contact details.</source>
        <translation>Apa yang dikatakan atau diminta, dan kapan. Jangan tulis kontak pelanggan.</translation>
    </message>
    <message>
        <source>Your agency gets the report with a ticket number. Once they have it and the session is over, the text is removed from this device; the category, ticket and progress stay.</source>
        <translation>Agensi menerima laporan ini dengan nomor tiket. Setelah laporan diterima dan sesi selesai, teksnya dihapus dari perangkat ini; kategori, tiket, dan perkembangannya tetap ada.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <source>File report</source>
        <translation>Kirim laporan</translation>
    </message>
    <message>
        <source>Report filed</source>
        <translation>Laporan terkirim</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Tutup</translation>
    </message>
</context>
<context>
    <name>ReportsModel</name>
    <message>
        <source>Filed</source>
        <translation>Dibuat</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Kategori</translation>
    </message>
    <message>
        <source>Ticket</source>
        <translation>Tiket</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Tingkat</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Perkembangan</translation>
    </message>
</context>
<context>
    <name>SafetyMessages</name>
    <message>
        <source>Agitation or distress</source>
        <extracomment>The default contacts by id, to tell them from an agency&apos;s own list.</extracomment>
        <translation>Gelisah atau tertekan</translation>
    </message>
    <message>
        <source>Threats of self-harm or harm to others</source>
        <translation>Ancaman menyakiti diri sendiri atau orang lain</translation>
    </message>
    <message>
        <source>Suicidal thoughts</source>
        <translation>Pikiran bunuh diri</translation>
    </message>
    <message>
        <source>Aggression or threats of violence</source>
        <translation>Agresif atau ancaman kekerasan</translation>
    </message>
    <message>
        <source>Ask calmly what is going on.</source>
        <translation>Tanyakan dengan tenang apa yang sedang terjadi.</translation>
    </message>
    <message>
        <source>Offer support: listen, and let them know they are heard.</source>
        <translation>Tawarkan dukungan: dengarkan, dan tunjukkan bahwa dia didengar.</translation>
    </message>
    <message>
        <source>Contact emergency services now, then tell your supervisor.</source>
        <translation>Hubungi layanan darurat sekarang, lalu kabari supervisor.</translation>
    </message>
    <message>
        <source>Listen without judging or arguing.</source>
        <translation>Dengarkan tanpa menghakimi atau membantah.</translation>
    </message>
    <message>
        <source>Stay with them and be supportive.</source>
        <translation>Temani dia dan beri dukungan.</translation>
    </message>
    <message>
        <source>Refer them to mental-health professionals (the numbers below).</source>
        <translation>Arahkan dia ke tenaga profesional kesehatan jiwa (nomor di bawah).</translation>
    </message>
    <message>
        <source>End the conversation. Your safety comes first.</source>
        <translation>Akhiri percakapan. Keselamatan kamu yang utama.</translation>
    </message>
    <message>
        <source>Report it to your agency.</source>
        <translation>Laporkan ke agensi kamu.</translation>
    </message>
    <message>
        <source>Emergency</source>
        <translation>Darurat</translation>
    </message>
    <message>
        <source>Police</source>
        <translation>Polisi</translation>
    </message>
    <message>
        <source>Mental health line</source>
        <translation>Layanan kesehatan jiwa</translation>
    </message>
    <message>
        <source>extension 8</source>
        <translation>ekstensi 8</translation>
    </message>
    <message>
        <source>No crisis sign</source>
        <translation>Tanpa tanda krisis</translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>Antre</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>Terkirim</translation>
    </message>
    <message>
        <source>Acknowledged</source>
        <translation>Ditanggapi supervisor</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>Selesai</translation>
    </message>
    <message>
        <source>False alarm</source>
        <translation>Salah tekan</translation>
    </message>
    <message>
        <source>Refused by the agency</source>
        <translation>Ditolak agensi</translation>
    </message>
    <message>
        <source>Escalate button</source>
        <translation>Tombol eskalasi</translation>
    </message>
    <message>
        <source>No answer to “Are you OK?”</source>
        <translation>Tidak menjawab “Kamu baik-baik saja?”</translation>
    </message>
    <message>
        <source>“Not OK” after a session</source>
        <translation>“Tidak baik-baik saja” setelah sesi</translation>
    </message>
    <message>
        <source>handled</source>
        <translation>sudah ditangani</translation>
    </message>
    <message>
        <source>a false alarm</source>
        <translation>salah tekan</translation>
    </message>
    <message>
        <source>emergency services called</source>
        <translation>layanan darurat sudah dihubungi</translation>
    </message>
    <message>
        <source>you could not be reached</source>
        <translation>kamu tidak bisa dihubungi</translation>
    </message>
    <message>
        <source>another reason</source>
        <translation>alasan lain</translation>
    </message>
    <message>
        <source>Nobody at your agency has taken it. Call your supervisor now: %1.</source>
        <translation>Belum ada yang menanggapi di agensi kamu. Telepon supervisor kamu sekarang: %1.</translation>
    </message>
    <message>
        <source>Nobody at your agency has taken it. Call your agency now.</source>
        <translation>Belum ada yang menanggapi di agensi kamu. Telepon agensi kamu sekarang.</translation>
    </message>
    <message>
        <source>In danger, call %1.</source>
        <translation>Kalau dalam bahaya, telepon %1.</translation>
    </message>
    <message>
        <source>Nobody has taken it · call your supervisor</source>
        <translation>Belum ada yang menanggapi · telepon supervisor kamu</translation>
    </message>
    <message>
        <source>Delivered · your agency alerted its supervisors again (%1)</source>
        <translation>Terkirim · agensi sudah memanggil ulang supervisornya (%1)</translation>
    </message>
    <message>
        <source>Queued on this device · agency not reachable yet, retrying</source>
        <translation>Antre di perangkat ini · agensi belum terjangkau, mencoba lagi</translation>
    </message>
    <message>
        <source>Queued on this device · sending to your agency</source>
        <translation>Antre di perangkat ini · sedang dikirim ke agensi</translation>
    </message>
    <message>
        <source>Delivered to your agency · waiting for a supervisor</source>
        <translation>Terkirim ke agensi · menunggu supervisor</translation>
    </message>
    <message>
        <source>Acknowledged by %1</source>
        <translation>%1 sudah menanggapi</translation>
    </message>
    <message>
        <source>Resolved by %1</source>
        <translation>Selesai, ditutup oleh %1</translation>
    </message>
    <message>
        <source>False alarm · telling your agency</source>
        <translation>Salah tekan · sedang memberi tahu agensi</translation>
    </message>
    <message>
        <source>False alarm · your agency knows</source>
        <translation>Salah tekan · agensi sudah tahu</translation>
    </message>
    <message>
        <source>Refused by the agency · call your agency</source>
        <translation>Ditolak agensi · telepon agensi kamu</translation>
    </message>
    <message>
        <source>Help requested · queued</source>
        <translation>Bantuan diminta · antre</translation>
    </message>
    <message>
        <source>Help requested · delivered</source>
        <translation>Bantuan diminta · terkirim</translation>
    </message>
    <message>
        <source>%1 is on it</source>
        <translation>%1 sedang menangani</translation>
    </message>
    <message>
        <source>Cancelled as a false alarm</source>
        <translation>Dibatalkan: salah tekan</translation>
    </message>
    <message>
        <source>Your agency refused the escalation</source>
        <translation>Agensi menolak eskalasi ini</translation>
    </message>
    <message numerus="yes">
        <source>It is saved on this device and will be sent the moment your agency can be reached (tried %n time(s) so far). If you are in danger, call an emergency number now.</source>
        <translation>
            <numerusform>Sudah tersimpan di perangkat ini dan langsung dikirim begitu agensi bisa dihubungi (sudah dicoba %n kali). Kalau kamu dalam bahaya, telepon nomor darurat sekarang.</numerusform>
        </translation>
    </message>
    <message>
        <source>It is saved on this device and is being sent to your agency. If you are in danger, call an emergency number now.</source>
        <translation>Sudah tersimpan di perangkat ini dan sedang dikirim ke agensi. Kalau kamu dalam bahaya, telepon nomor darurat sekarang.</translation>
    </message>
    <message>
        <source>Your agency has it. A supervisor will acknowledge it here.</source>
        <translation>Agensi sudah menerimanya. Tanggapan supervisor akan muncul di sini.</translation>
    </message>
    <message numerus="yes">
        <source>Your agency has it, but nobody took it yet: it alerted its supervisors again (%n time(s)).</source>
        <translation>
            <numerusform>Agensi kamu sudah menerimanya, tapi belum ada yang menanggapi: agensi sudah memanggil ulang supervisornya (%n kali).</numerusform>
        </translation>
    </message>
    <message>
        <source>Supervisor %1 acknowledged it at %2.</source>
        <translation>%1 sudah menanggapi pukul %2.</translation>
    </message>
    <message>
        <source>Their note: “%1”</source>
        <translation>Catatannya: “%1”</translation>
    </message>
    <message>
        <source>Closed at %1.</source>
        <translation>Ditutup pukul %1.</translation>
    </message>
    <message>
        <source>Reason: %1.</source>
        <translation>Alasan: %1.</translation>
    </message>
    <message>
        <source>Your agency will be told it was pressed by mistake as soon as it can be reached.</source>
        <translation>Agensi akan diberi tahu bahwa ini salah tekan begitu bisa dihubungi.</translation>
    </message>
    <message>
        <source>Your agency knows it was pressed by mistake. Nothing more to do.</source>
        <translation>Agensi sudah tahu ini salah tekan. Tidak ada lagi yang perlu dilakukan.</translation>
    </message>
    <message>
        <source>It could not be delivered. Call your agency directly, or an emergency number if you are in danger.</source>
        <translation>Eskalasi tidak bisa dikirim. Telepon agensi kamu langsung, atau nomor darurat kalau kamu dalam bahaya.</translation>
    </message>
    <message>
        <source>The agency said: %1</source>
        <translation>Kata agensi: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n detail(s) added</source>
        <translation>
            <numerusform>%n detail ditambahkan</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n waiting to be sent</source>
        <translation>
            <numerusform>%n menunggu dikirim</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n refused</source>
        <translation>
            <numerusform>%n ditolak</numerusform>
        </translation>
    </message>
    <message>
        <source>Sent automatically (no answer to “Are you OK?”)</source>
        <translation>Dikirim otomatis (tidak ada jawaban untuk “Kamu baik-baik saja?”)</translation>
    </message>
    <message>
        <source>During a session</source>
        <translation>Selama sesi</translation>
    </message>
    <message>
        <source>Outside a session</source>
        <translation>Di luar sesi</translation>
    </message>
    <message>
        <source>Sexual harassment</source>
        <translation>Pelecehan seksual</translation>
    </message>
    <message>
        <source>Insults or rude language</source>
        <translation>Hinaan atau kata-kata kasar</translation>
    </message>
    <message>
        <source>Threats</source>
        <translation>Ancaman</translation>
    </message>
    <message>
        <source>Asked for personal details or to meet</source>
        <translation>Minta data pribadi atau ajak ketemuan</translation>
    </message>
    <message>
        <source>Extra payment or exploitation</source>
        <translation>Minta bayaran tambahan atau eksploitasi</translation>
    </message>
    <message>
        <source>Discrimination</source>
        <translation>Diskriminasi</translation>
    </message>
    <message>
        <source>Outside the package or your boundaries</source>
        <translation>Di luar paket atau batasan kamu</translation>
    </message>
    <message>
        <source>Something else</source>
        <translation>Lainnya</translation>
    </message>
    <message>
        <source>First line</source>
        <translation>lini pertama</translation>
    </message>
    <message>
        <source>Supervisor</source>
        <translation>supervisor</translation>
    </message>
    <message>
        <source>Technical</source>
        <translation>teknis</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>Draf</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>Sedang ditangani</translation>
    </message>
    <message>
        <source>waiting for a ticket</source>
        <translation>menunggu tiket</translation>
    </message>
    <message>
        <source>Text removed on this device. Your agency has the report; the category, ticket, level and status stay here.</source>
        <translation>Teks sudah dihapus dari perangkat ini. Agensi sudah menerima laporannya; kategori, tiket, tingkat, dan status tetap ada di sini.</translation>
    </message>
    <message>
        <source>That escalation is no longer on this device.</source>
        <translation>Eskalasi itu sudah tidak ada di perangkat ini.</translation>
    </message>
    <message>
        <source>That escalation is closed. Press Escalate again if you need help.</source>
        <translation>Eskalasi itu sudah ditutup. Tekan Eskalasi lagi kalau kamu butuh bantuan.</translation>
    </message>
    <message>
        <source>Pick a crisis sign or write a note first.</source>
        <translation>Pilih tanda krisis atau tulis catatan dulu.</translation>
    </message>
    <message>
        <source>The note is too long (at most 2000 characters).</source>
        <translation>Catatannya terlalu panjang (maksimal 2000 karakter).</translation>
    </message>
    <message>
        <source>That report is no longer on this device.</source>
        <translation>Laporan itu sudah tidak ada di perangkat ini.</translation>
    </message>
    <message>
        <source>Describe what happened first.</source>
        <translation>Ceritakan dulu apa yang terjadi.</translation>
    </message>
    <message>
        <source>The description is too long (at most 4000 characters).</source>
        <translation>Ceritanya terlalu panjang (maksimal 4000 karakter).</translation>
    </message>
    <message>
        <source>This session ended more than 24 hours ago, so it can no longer be reported in the app. Contact your agency directly.</source>
        <translation>Sesi ini berakhir lebih dari 24 jam yang lalu, jadi tidak bisa dilaporkan lagi lewat aplikasi. Hubungi agensi kamu langsung.</translation>
    </message>
    <message>
        <source>This session cannot be reported from the app. Contact your agency directly.</source>
        <translation>Sesi ini tidak bisa dilaporkan lewat aplikasi. Hubungi agensi kamu langsung.</translation>
    </message>
    <message>
        <source>Something went wrong. Try again.</source>
        <translation>Ada yang tidak beres. Coba lagi.</translation>
    </message>
    <message>
        <source>you asked a supervisor for help</source>
        <translation>kamu minta bantuan supervisor</translation>
    </message>
    <message>
        <source>you reported an incident</source>
        <translation>kamu membuat laporan</translation>
    </message>
    <message>
        <source>it ended early</source>
        <translation>sesi berakhir lebih awal</translation>
    </message>
    <message>
        <source>Short check-in</source>
        <translation>Cek kondisi singkat</translation>
    </message>
    <message>
        <source>Take a break</source>
        <translation>Istirahat</translation>
    </message>
    <message>
        <source>Ask for a debrief</source>
        <translation>Minta waktu bicara dengan supervisor</translation>
    </message>
    <message>
        <source>Debrief requested: it goes to your agency&apos;s supervisors (as soon as your agency can be reached), and one of them will talk it over with you.</source>
        <translation>Permintaan sudah dikirim: masuk ke antrean supervisor agensi kamu (begitu agensi bisa dihubungi), dan salah satu dari mereka akan mengajak kamu bicara.</translation>
    </message>
    <message numerus="yes">
        <source>%n hard session(s)</source>
        <translation>
            <numerusform>%n sesi berat</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n check-in(s)</source>
        <translation>
            <numerusform>%n cek kondisi</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n break(s)</source>
        <translation>
            <numerusform>%n istirahat</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n debrief(s) asked for</source>
        <translation>
            <numerusform>%n permintaan bicara</numerusform>
        </translation>
    </message>
    <message>
        <source>Tonight, after hard sessions:</source>
        <translation>Malam ini, setelah sesi berat:</translation>
    </message>
    <message>
        <source>HH:mm</source>
        <translation>HH.mm</translation>
    </message>
    <message>
        <source>ddd d MMM</source>
        <translation>ddd, d MMM</translation>
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
        <translation>Saat kamu minta bantuan supervisor selama sesi, atau membuat laporan, semuanya muncul di sini lengkap dengan nomor tiket dan perkembangannya: antre, terkirim, ditanggapi supervisor, selesai.</translation>
    </message>
    <message>
        <source>Your agency&apos;s emergency contacts and crisis guidance appear here once you pair with your agency in Settings.</source>
        <translation>Kontak darurat dan panduan krisis dari agensi akan muncul di sini setelah kamu menghubungkan TalentDesk ke agensi di Pengaturan.</translation>
    </message>
    <message>
        <source>Open Settings</source>
        <translation>Buka Pengaturan</translation>
    </message>
    <message>
        <source>From your agency: %1</source>
        <extracomment>Rows a list shows before it scrolls. How many rows the columns&apos; widths are measured on (the newest, at the top).</extracomment>
        <translation>Dari agensi: %1</translation>
    </message>
    <message>
        <source>Not paired with an agency: escalations and reports are kept on this device and sent once you pair. In an emergency, call the numbers below.</source>
        <translation>Belum terhubung ke agensi: eskalasi dan laporan disimpan di perangkat ini dan dikirim setelah kamu menghubungkan ke agensi. Kalau darurat, telepon nomor di bawah.</translation>
    </message>
    <message>
        <source>When something goes wrong</source>
        <translation>Kalau ada yang tidak beres</translation>
    </message>
    <message>
        <source>One click sends your supervisor an urgent request for help: nothing to fill in first. Add what is happening afterwards, and follow it here until it is resolved.</source>
        <translation>Sekali klik langsung mengirim permintaan bantuan mendesak ke supervisor, tanpa perlu mengisi apa pun dulu. Tambahkan apa yang terjadi sesudahnya, dan pantau di sini sampai selesai.</translation>
    </message>
    <message>
        <source>Shortcut: Ctrl+Shift+E, in every TalentDesk window.</source>
        <translation>Pintasan: Ctrl+Shift+E, di setiap jendela TalentDesk.</translation>
    </message>
    <message>
        <source>Escalations</source>
        <translation>Eskalasi</translation>
    </message>
    <message>
        <source>No escalations. When you press Escalate, it shows here with its state.</source>
        <translation>Belum ada eskalasi. Saat kamu menekan Eskalasi, statusnya muncul di sini.</translation>
    </message>
    <message>
        <source>Incident reports</source>
        <translation>Laporan</translation>
    </message>
    <message>
        <source>Report an incident</source>
        <translation>Buat laporan</translation>
    </message>
    <message>
        <source>No reports. File one during a session or up to 24 hours after it; its ticket number, level and status show here.</source>
        <translation>Belum ada laporan. Buat laporan selama sesi atau paling lambat 24 jam sesudahnya; nomor tiket, tingkat, dan statusnya muncul di sini.</translation>
    </message>
</context>
<context>
    <name>SessionKeysSection</name>
    <message>
        <source>They work anywhere on your desktop while a chat session is live, also while your chat app has focus and while TalentDesk is locked.</source>
        <translation>Pintasan ini bekerja di mana saja di desktop selama sesi chat berjalan, juga saat aplikasi chat kamu yang aktif dan saat TalentDesk terkunci.</translation>
    </message>
    <message>
        <source>Your desktop (Wayland) lets no app hear keys pressed in other apps, so these shortcuts cannot work here. Use the Message in and Replied buttons of the compact window beside your chat app instead (F8 and F9 work in it too).</source>
        <translation>Desktop kamu (Wayland) tidak mengizinkan aplikasi mendengar tombol yang ditekan di aplikasi lain, jadi pintasan ini tidak bisa dipakai di sini. Pakai tombol Pesan masuk dan Sudah balas di jendela ringkas di samping aplikasi chat kamu (F8 dan F9 juga bisa di sana).</translation>
    </message>
    <message>
        <source>System-wide shortcuts are not available on this desktop. Use the Message in and Replied buttons of the compact window instead (F8 and F9 work in it too).</source>
        <translation>Pintasan untuk seluruh desktop tidak tersedia di sini. Pakai tombol Pesan masuk dan Sudah balas di jendela ringkas (F8 dan F9 juga bisa di sana).</translation>
    </message>
    <message>
        <source>During a session</source>
        <translation>Selama sesi</translation>
    </message>
    <message>
        <source>Mark the reply pace without leaving your chat app: press the first shortcut when the customer writes and the second when you have replied.</source>
        <translation>Catat kecepatan balas tanpa meninggalkan aplikasi chat: tekan pintasan pertama saat pelanggan menulis, dan yang kedua setelah kamu membalas.</translation>
    </message>
    <message>
        <source>Message in</source>
        <translation>Pesan masuk</translation>
    </message>
    <message>
        <source>Replied</source>
        <translation>Sudah balas</translation>
    </message>
    <message>
        <source>Play a sound when a reply nears the agency&apos;s limit</source>
        <translation>Bunyikan suara saat balasan mendekati batas agensi</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Simpan</translation>
    </message>
    <message>
        <source>Use the defaults</source>
        <translation>Pakai bawaan</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Tersimpan.</translation>
    </message>
    <message>
        <source>Use a key with Ctrl, Alt or both (such as Ctrl+Alt+M), a different one for each.</source>
        <translation>Pakai tombol dengan Ctrl, Alt, atau keduanya (misalnya Ctrl+Alt+M), berbeda untuk masing-masing.</translation>
    </message>
    <message>
        <source>Could not be saved. Try again.</source>
        <translation>Tidak bisa disimpan. Coba lagi.</translation>
    </message>
    <message>
        <source>Another app already uses %1. Choose another combination.</source>
        <translation>Aplikasi lain sudah memakai %1. Pilih kombinasi lain.</translation>
    </message>
</context>
<context>
    <name>SessionMessages</name>
    <message>
        <source>Chat only — no calls</source>
        <translation>Chat saja — tanpa telepon</translation>
    </message>
    <message>
        <source>Call only — no chat</source>
        <translation>Telepon saja — tanpa chat</translation>
    </message>
    <message>
        <source>Chat + call — both are included</source>
        <translation>Chat + telepon — keduanya termasuk</translation>
    </message>
    <message>
        <source>no calls</source>
        <translation>tanpa telepon</translation>
    </message>
    <message>
        <source>no chat</source>
        <translation>tanpa chat</translation>
    </message>
    <message>
        <source>you do both</source>
        <translation>dua-duanya</translation>
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
        <source>To extend, ask the agency: the customer books more time there. TalentDesk never extends a session.</source>
        <translation>Untuk perpanjang, minta lewat agensi: pelanggan memesan waktu tambahan di sana. TalentDesk tidak pernah memperpanjang sesi.</translation>
    </message>
    <message>
        <source>HH:mm</source>
        <translation>HH.mm</translation>
    </message>
    <message numerus="yes">
        <source>%n min</source>
        <translation>
            <numerusform>%n menit</numerusform>
        </translation>
    </message>
    <message>
        <source>Waiting for your answer</source>
        <translation>Menunggu jawaban</translation>
    </message>
    <message>
        <source>Upcoming</source>
        <translation>Akan datang</translation>
    </message>
    <message>
        <source>Contact window open</source>
        <translation>Waktu kontak dibuka</translation>
    </message>
    <message>
        <source>Live</source>
        <translation>Sedang berjalan</translation>
    </message>
    <message>
        <source>Wrap-up</source>
        <translation>Penutupan</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Selesai</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Dibatalkan</translation>
    </message>
    <message>
        <source>Declined</source>
        <translation>Ditolak</translation>
    </message>
    <message>
        <source>Time passed</source>
        <translation>Waktu sudah lewat</translation>
    </message>
    <message>
        <source>This booking is no longer here: the agency may have cancelled it.</source>
        <translation>Booking ini sudah tidak ada: mungkin agensi membatalkannya.</translation>
    </message>
    <message>
        <source>Only an accepted booking can start.</source>
        <translation>Hanya booking yang sudah diterima yang bisa dimulai.</translation>
    </message>
    <message>
        <source>Another session is live. Finish it first.</source>
        <translation>Ada sesi lain yang sedang berjalan. Selesaikan dulu.</translation>
    </message>
    <message>
        <source>This returning customer must be unblocked before the session starts.</source>
        <translation>Pelanggan lama ini harus dibuka blokirnya sebelum sesi dimulai.</translation>
    </message>
    <message>
        <source>It is too early: the session can start once the contact window opens.</source>
        <translation>Masih terlalu awal: sesi bisa dimulai setelah waktu kontak dibuka.</translation>
    </message>
    <message>
        <source>The booked time is over; this session can no longer start.</source>
        <translation>Waktu yang dipesan sudah habis; sesi ini tidak bisa dimulai lagi.</translation>
    </message>
    <message>
        <source>This session is already finished.</source>
        <translation>Sesi ini sudah selesai.</translation>
    </message>
    <message>
        <source>You are on a break. Start anyway, or wait until it ends.</source>
        <translation>Kamu sedang istirahat. Tetap mulai, atau tunggu sampai istirahat selesai.</translation>
    </message>
    <message>
        <source>The session step failed. Try again.</source>
        <translation>Langkah sesi gagal. Coba lagi.</translation>
    </message>
    <message>
        <source>This reply no longer exists.</source>
        <translation>Balasan ini sudah tidak ada.</translation>
    </message>
    <message>
        <source>Your agency&apos;s replies cannot be deleted; edit them, and your wording is kept.</source>
        <translation>Balasan dari agensi tidak bisa dihapus; ubah saja, dan kata-kata kamu akan disimpan.</translation>
    </message>
    <message>
        <source>Write the reply&apos;s text first.</source>
        <translation>Tulis dulu teks balasannya.</translation>
    </message>
    <message>
        <source>The reply is too long: at most 1,000 characters.</source>
        <translation>Balasan terlalu panjang: maksimal 1.000 karakter.</translation>
    </message>
    <message>
        <source>A shortcode uses only small letters, digits, - and _ (at most 32).</source>
        <translation>Kode singkat hanya boleh huruf kecil, angka, - dan _ (maksimal 32).</translation>
    </message>
    <message>
        <source>Another reply in this language already has this shortcode.</source>
        <translation>Kode singkat ini sudah dipakai balasan lain dalam bahasa yang sama.</translation>
    </message>
    <message>
        <source>Choose the reply&apos;s language.</source>
        <translation>Pilih bahasa balasannya.</translation>
    </message>
    <message>
        <source>Nine replies are pinned already. Unpin one first.</source>
        <translation>Sudah ada sembilan balasan tersemat. Lepas sematan satu dulu.</translation>
    </message>
    <message>
        <source>The reply could not be saved. Try again.</source>
        <translation>Balasan tidak bisa disimpan. Coba lagi.</translation>
    </message>
    <message>
        <source>This preset no longer exists.</source>
        <translation>Profil batasan ini sudah tidak ada.</translation>
    </message>
    <message>
        <source>Your agency&apos;s presets cannot be deleted; edit one to make your own copy.</source>
        <translation>Profil batasan dari agensi tidak bisa dihapus; ubah saja untuk membuat salinan milik kamu.</translation>
    </message>
    <message>
        <source>This boundary is no longer in the preset.</source>
        <translation>Batasan ini sudah tidak ada di profil tersebut.</translation>
    </message>
    <message>
        <source>The preset already has this boundary.</source>
        <translation>Profil ini sudah punya batasan tersebut.</translation>
    </message>
    <message>
        <source>The boundary&apos;s key is not valid.</source>
        <translation>Kunci batasannya tidak valid.</translation>
    </message>
    <message>
        <source>Give the preset a name of 1 to 80 characters.</source>
        <translation>Beri nama profil batasan sepanjang 1 sampai 80 karakter.</translation>
    </message>
    <message>
        <source>Describe the boundary in 1 to 200 characters.</source>
        <translation>Jelaskan batasannya dalam 1 sampai 200 karakter.</translation>
    </message>
    <message>
        <source>A preset holds at most 50 boundaries.</source>
        <translation>Satu profil maksimal berisi 50 batasan.</translation>
    </message>
    <message>
        <source>Link at most 10 decline replies to one boundary.</source>
        <translation>Tautkan maksimal 10 balasan penolakan ke satu batasan.</translation>
    </message>
    <message>
        <source>The preset could not be changed. Try again.</source>
        <translation>Profil batasan tidak bisa diubah. Coba lagi.</translation>
    </message>
    <message>
        <source>The file could not be read.</source>
        <translation>File tidak bisa dibaca.</translation>
    </message>
    <message>
        <source>The file is too large to be a boundary preset.</source>
        <translation>File terlalu besar untuk sebuah profil batasan.</translation>
    </message>
    <message>
        <source>The file is not a boundary preset: it is not JSON.</source>
        <translation>File ini bukan profil batasan: isinya bukan JSON.</translation>
    </message>
    <message>
        <source>The file is not a TalentDesk boundary preset.</source>
        <translation>File ini bukan profil batasan TalentDesk.</translation>
    </message>
    <message>
        <source>The file comes from a newer TalentDesk. Update TalentDesk to import it.</source>
        <translation>File ini dari TalentDesk versi lebih baru. Perbarui TalentDesk untuk mengimpornya.</translation>
    </message>
    <message>
        <source>The preset file has a mistake in it.</source>
        <translation>Ada kesalahan di file profil batasan ini.</translation>
    </message>
    <message>
        <source>The preset could not be imported.</source>
        <translation>Profil batasan tidak bisa diimpor.</translation>
    </message>
    <message>
        <source>Details: %1</source>
        <translation>Rinciannya: %1</translation>
    </message>
    <message>
        <source>Fill in first: %1</source>
        <translation>Isi dulu: %1</translation>
    </message>
    <message>
        <source>Send the closing reply</source>
        <translation>Kirim balasan penutup</translation>
    </message>
    <message>
        <source>Block the customer in your chat app</source>
        <translation>Blokir pelanggan di aplikasi chat kamu</translation>
    </message>
    <message>
        <source>Block the customer&apos;s number for calls</source>
        <translation>Blokir nomor pelanggan untuk telepon</translation>
    </message>
    <message>
        <source>Remove the conversation and the number from your recent chats and calls</source>
        <translation>Hapus percakapan dan nomornya dari daftar chat dan panggilan terakhir</translation>
    </message>
    <message>
        <source>Message in</source>
        <translation>Pesan masuk</translation>
    </message>
    <message>
        <source>Replied</source>
        <translation>Sudah balas</translation>
    </message>
    <message>
        <source>The agency&apos;s reply-pace rule was broken in this session.</source>
        <translation>Aturan kecepatan balas agensi sudah terlanggar di sesi ini.</translation>
    </message>
    <message>
        <source>Answer now: this wait already breaks the agency&apos;s reply-pace rule.</source>
        <translation>Balas sekarang: waktu tunggu ini sudah melanggar aturan kecepatan balas agensi.</translation>
    </message>
    <message>
        <source>Careful: one more slow reply breaks the agency&apos;s reply-pace rule.</source>
        <translation>Hati-hati: satu balasan lambat lagi melanggar aturan kecepatan balas agensi.</translation>
    </message>
    <message>
        <source>This reply already counts as slow. Answer now.</source>
        <translation>Balasan ini sudah terhitung lambat. Balas sekarang.</translation>
    </message>
    <message>
        <source>Reply soon: this wait is about to count as slow.</source>
        <translation>Segera balas: waktu tunggu ini hampir terhitung lambat.</translation>
    </message>
    <message>
        <source>Polite decline</source>
        <translation>Tolak sopan</translation>
    </message>
    <message>
        <source>Humour</source>
        <translation>Candaan</translation>
    </message>
    <message>
        <source>Offer an alternative</source>
        <translation>Tawarkan alternatif</translation>
    </message>
    <message>
        <source>Opening reply</source>
        <translation>Balasan pembuka</translation>
    </message>
    <message>
        <source>Closing reply</source>
        <translation>Balasan penutup</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>Boleh</translation>
    </message>
    <message>
        <source>Ask me</source>
        <translation>Tanya dulu</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Tidak pernah</translation>
    </message>
    <message>
        <source>Agency</source>
        <translation>Agensi</translation>
    </message>
    <message>
        <source>Mine · edited from the agency&apos;s</source>
        <translation>Milikku · diubah dari agensi</translation>
    </message>
    <message>
        <source>Mine</source>
        <translation>Milikku</translation>
    </message>
    <message>
        <source>Indonesian</source>
        <translation>Bahasa Indonesia</translation>
    </message>
    <message>
        <source>English</source>
        <translation>Bahasa Inggris</translation>
    </message>
    <message>
        <source>Any language</source>
        <translation>Semua bahasa</translation>
    </message>
</context>
<context>
    <name>SessionStartPanel</name>
    <message>
        <source>The session could not start. Try again.</source>
        <translation>Sesi tidak bisa dimulai. Coba lagi.</translation>
    </message>
    <message>
        <source>The customer&apos;s contact shows and the session can start from %1.</source>
        <translation>Kontak pelanggan tampil dan sesi bisa dimulai pukul %1.</translation>
    </message>
    <message>
        <source>Another session is live: finish it before starting this one.</source>
        <translation>Ada sesi lain yang sedang berjalan: selesaikan dulu sebelum memulai yang ini.</translation>
    </message>
    <message>
        <source>You can start the session now.</source>
        <translation>Kamu bisa memulai sesi sekarang.</translation>
    </message>
    <message>
        <source>The session ended: close it, block the customer, then finish.</source>
        <translation>Sesi sudah berakhir: tutup, blokir pelanggan, lalu selesaikan.</translation>
    </message>
    <message>
        <source>You are on a break</source>
        <extracomment>How often the break&apos;s countdown on the card looks at the clock. How often the card looks at the clock and the contact again.</extracomment>
        <translation>Kamu sedang istirahat</translation>
    </message>
    <message>
        <source>Your break has %1 left. Start this session anyway?</source>
        <translation>Istirahat kamu masih %1 lagi. Tetap mulai sesi ini?</translation>
    </message>
    <message>
        <source>Start anyway</source>
        <translation>Tetap mulai</translation>
    </message>
    <message>
        <source>Keep my break</source>
        <translation>Lanjut istirahat</translation>
    </message>
    <message>
        <source>The customer&apos;s details were destroyed.</source>
        <translation>Data pelanggan sudah dihapus.</translation>
    </message>
    <message>
        <source>The agency&apos;s reason: “%1”</source>
        <translation>Alasan agensi: “%1”</translation>
    </message>
    <message>
        <source>The booked time has passed. Ask the agency if the customer shows up.</source>
        <translation>Waktu yang dipesan sudah lewat. Tanyakan ke agensi kalau pelanggan muncul.</translation>
    </message>
    <message>
        <source>Accept or decline it first.</source>
        <translation>Terima atau tolak dulu booking ini.</translation>
    </message>
    <message>
        <source>You are on a break: %1 left. New sessions wait until it is over; you can still start this one if you are ready.</source>
        <translation>Kamu sedang istirahat: masih %1 lagi. Sesi baru menunggu sampai istirahat selesai; kamu tetap bisa memulai sesi ini kalau sudah siap.</translation>
    </message>
    <message>
        <source>The customer&apos;s contact shows once you accept this booking.</source>
        <translation>Kontak pelanggan muncul setelah kamu menerima booking ini.</translation>
    </message>
    <message numerus="yes">
        <source>The contact shows from %1, %n minute(s) before the start.</source>
        <translation>
            <numerusform>Kontak tampil pukul %1, %n menit sebelum mulai.</numerusform>
        </translation>
    </message>
    <message>
        <source>The customer&apos;s details are gone with this booking.</source>
        <translation>Data pelanggan sudah dihapus bersama booking ini.</translation>
    </message>
    <message>
        <source>Returning customer: you blocked them after their last session. They booked again through the agency, so unblock them in your chat and call apps before you start.</source>
        <translation>Pelanggan lama: kamu memblokirnya setelah sesi terakhir. Dia memesan lagi lewat agensi, jadi buka blokirnya di aplikasi chat dan telepon kamu sebelum mulai.</translation>
    </message>
    <message>
        <source>I have unblocked this customer</source>
        <translation>Aku sudah membuka blokir pelanggan ini</translation>
    </message>
    <message>
        <source>Start session</source>
        <translation>Mulai sesi</translation>
    </message>
    <message>
        <source>Open session window</source>
        <translation>Buka jendela sesi</translation>
    </message>
</context>
<context>
    <name>SessionWindow</name>
    <message>
        <source>The customer&apos;s contact could not be read. Ask the agency if you need it.</source>
        <extracomment>Ending earlier than this before the booked end asks first.</extracomment>
        <translation>Kontak pelanggan tidak bisa dibaca. Tanyakan ke agensi kalau kamu membutuhkannya.</translation>
    </message>
    <message>
        <source>End the session early?</source>
        <translation>Akhiri sesi lebih awal?</translation>
    </message>
    <message>
        <source>%1 of the booked time are still left. End the session now?</source>
        <translation>Masih ada sisa waktu %1 dari yang dipesan. Akhiri sesi sekarang?</translation>
    </message>
    <message>
        <source>End session</source>
        <translation>Akhiri sesi</translation>
    </message>
    <message>
        <source>Keep going</source>
        <translation>Lanjutkan</translation>
    </message>
    <message>
        <source>Something went wrong. Try again.</source>
        <translation>Ada yang tidak beres. Coba lagi.</translation>
    </message>
    <message>
        <source>time left</source>
        <translation>sisa waktu</translation>
    </message>
    <message>
        <source>over time</source>
        <translation>lewat waktu</translation>
    </message>
    <message>
        <source>session length</source>
        <translation>lama sesi</translation>
    </message>
    <message>
        <source>Time is up: %1 over the booked time. Close the session politely.</source>
        <translation>Waktu habis: lewat %1 dari waktu yang dipesan. Tutup sesi dengan sopan.</translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s) left. Start wrapping up the conversation.</source>
        <translation>
            <numerusform>Sisa %n menit. Mulai arahkan obrolan ke penutup.</numerusform>
        </translation>
    </message>
    <message>
        <source>Session: %1</source>
        <translation>Sesi: %1</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>Sesi</translation>
    </message>
    <message>
        <source>started %1</source>
        <translation>mulai %1</translation>
    </message>
    <message>
        <source>resumed after a restart</source>
        <translation>dilanjutkan setelah aplikasi dibuka ulang</translation>
    </message>
    <message>
        <source>The agency cancelled this booking. End the session politely; the customer&apos;s details are kept until you finish.</source>
        <translation>Agensi membatalkan booking ini. Akhiri sesi dengan sopan; data pelanggan disimpan sampai kamu menyelesaikan sesi.</translation>
    </message>
    <message>
        <source>Compact window</source>
        <translation>Jendela ringkas</translation>
    </message>
    <message>
        <source>A small window with the timer and your pinned replies, kept on top.</source>
        <translation>Jendela kecil berisi timer dan balasan tersemat, selalu di atas.</translation>
    </message>
</context>
<context>
    <name>SessionWindows</name>
    <message numerus="yes">
        <source>%n minute(s) left</source>
        <translation>
            <numerusform>Sisa %n menit</numerusform>
        </translation>
    </message>
    <message>
        <source>Start wrapping up the conversation.</source>
        <translation>Mulai arahkan obrolan ke penutup.</translation>
    </message>
    <message>
        <source>The booked time is up</source>
        <translation>Waktu yang dipesan sudah habis</translation>
    </message>
    <message>
        <source>Close the session politely. To extend, the customer asks the agency.</source>
        <translation>Tutup sesi dengan sopan. Kalau mau perpanjang, pelanggan minta lewat agensi.</translation>
    </message>
    <message>
        <source>The session is saved and the customer&apos;s details were destroyed.</source>
        <translation>Sesi sudah disimpan dan data pelanggan sudah dihapus.</translation>
    </message>
    <message>
        <source>The session is saved. The customer&apos;s details are destroyed as soon as the keyring answers.</source>
        <translation>Sesi sudah disimpan. Data pelanggan dihapus begitu keyring merespons.</translation>
    </message>
    <message>
        <source>Session finished</source>
        <translation>Sesi selesai</translation>
    </message>
</context>
<context>
    <name>SessionsModel</name>
    <message>
        <source>Session</source>
        <translation>Sesi</translation>
    </message>
    <message>
        <source>Now: %1 · started %2</source>
        <translation>Sekarang: %1 · mulai %2</translation>
    </message>
    <message>
        <source>%1 · %2 · too late to report in the app</source>
        <translation>%1 · %2 · sudah terlambat untuk dilaporkan di aplikasi</translation>
    </message>
    <message>
        <source>%1 · %2 · report until %3</source>
        <translation>%1 · %2 · bisa dilaporkan sampai %3</translation>
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
        <source>TalentDesk locks itself and closes your vault when you haven&apos;t used the keyboard or mouse in it for a while, but never while a session is live or an escalation is open. Locked during a session, the lock screen keeps the session&apos;s timer and the escalate button.</source>
        <translation>TalentDesk mengunci diri dan menutup brankas kalau kamu tidak memakai keyboard atau mouse di dalamnya untuk beberapa saat, tapi tidak pernah selama sesi berjalan atau eskalasi masih terbuka. Kalau dikunci saat sesi, layar kunci tetap menampilkan timer sesi dan tombol eskalasi.</translation>
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
        <source>Not protected: this demo vault&apos;s key is kept in the demo folder.</source>
        <translation>Tidak dilindungi: kunci brankas demo ini disimpan di folder demo.</translation>
    </message>
    <message>
        <source>Anyone who can read the demo folder can open this vault. It holds sample data only; your real vault is protected by your keyring or a passphrase.</source>
        <translation>Siapa pun yang bisa membaca folder demo bisa membuka brankas ini. Isinya hanya data contoh; brankas kamu yang sebenarnya dilindungi keyring atau frasa sandi.</translation>
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
    <name>SummaryPage</name>
    <message>
        <source>Night summary</source>
        <translation>Ringkasan malam</translation>
    </message>
    <message>
        <source>After each session, your nights add up here: sessions, hours and earnings, tonight and over the last seven nights.</source>
        <translation>Setiap selesai sesi, malam-malam kamu terangkum di sini: jumlah sesi, jam, dan pendapatan, malam ini dan tujuh malam terakhir.</translation>
    </message>
    <message>
        <source>Last 7 nights</source>
        <translation>7 malam terakhir</translation>
    </message>
    <message>
        <source>sessions</source>
        <translation>sesi</translation>
    </message>
    <message>
        <source>A shift past midnight counts as one. Only session times and package prices are used, never anything about a customer.</source>
        <translation>Shift yang lewat tengah malam tetap dihitung satu. Yang dipakai hanya waktu sesi dan harga paket, tidak pernah apa pun tentang pelanggan.</translation>
    </message>
    <message>
        <source>No sessions in the last seven nights</source>
        <translation>Belum ada sesi dalam tujuh malam terakhir</translation>
    </message>
    <message>
        <source>This shift</source>
        <translation>Shift ini</translation>
    </message>
    <message>
        <source>Your last shift</source>
        <translation>Shift terakhir kamu</translation>
    </message>
    <message>
        <source>session time</source>
        <translation>waktu sesi</translation>
    </message>
    <message>
        <source>earnings</source>
        <translation>pendapatan</translation>
    </message>
    <message>
        <source>Since %1; sessions less than 6 hours apart count as one shift.</source>
        <translation>Sejak %1; sesi yang jaraknya kurang dari 6 jam dihitung satu shift.</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>%1 sampai %2</translation>
    </message>
    <message numerus="yes">
        <source>%n session(s) ran over time.</source>
        <translation>
            <numerusform>%n sesi lewat waktu.</numerusform>
        </translation>
    </message>
    <message>
        <source>Earnings per night</source>
        <translation>Pendapatan per malam</translation>
    </message>
    <message>
        <source>Package prices as booked, cancelled sessions left out; the agency&apos;s statement is what gets paid.</source>
        <translation>Harga paket sesuai pesanan, sesi yang dibatalkan tidak dihitung; yang dibayarkan tetap mengikuti laporan dari agensi.</translation>
    </message>
    <message numerus="yes">
        <source>%n session record(s) could not be read and are not counted.</source>
        <translation>
            <numerusform>%n catatan sesi tidak bisa dibaca dan tidak dihitung.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SyncMessages</name>
    <message>
        <source>the agency did not answer in time</source>
        <extracomment>Seconds past which a wait reads in minutes, hours, days.</extracomment>
        <translation>agensi tidak menjawab tepat waktu</translation>
    </message>
    <message>
        <source>the agency is answering very slowly</source>
        <translation>agensi menjawab sangat lambat</translation>
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
        <source>the agency removed this device</source>
        <translation>agensi menghapus perangkat ini</translation>
    </message>
    <message>
        <source>the agency isn&apos;t letting this device sync for now</source>
        <translation>untuk sementara agensi tidak mengizinkan perangkat ini sinkron</translation>
    </message>
    <message>
        <source>the agency&apos;s address no longer serves bookings</source>
        <translation>alamat agensi tidak lagi melayani booking</translation>
    </message>
    <message>
        <source>the agency refused the request</source>
        <translation>agensi menolak permintaan ini</translation>
    </message>
    <message>
        <source>the agency refused a request</source>
        <translation>agensi menolak sebuah permintaan</translation>
    </message>
    <message>
        <source>the agency is still handling an earlier try</source>
        <translation>agensi masih memproses percobaan sebelumnya</translation>
    </message>
    <message>
        <source>the agency keeps saying its data was reset</source>
        <translation>agensi terus bilang datanya diatur ulang</translation>
    </message>
    <message>
        <source>TalentDesk ran into an internal problem</source>
        <translation>TalentDesk mengalami masalah internal</translation>
    </message>
    <message>
        <source>something went wrong</source>
        <translation>ada yang tidak beres</translation>
    </message>
    <message numerus="yes">
        <source>%n s</source>
        <translation>
            <numerusform>%n dtk</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n min</source>
        <translation>
            <numerusform>%n mnt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s)</source>
        <translation>
            <numerusform>%n jam</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n hari</numerusform>
        </translation>
    </message>
    <message>
        <source>more than a year</source>
        <translation>lebih dari setahun</translation>
    </message>
    <message>
        <source>the agency</source>
        <translation>agensi</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>Menyambung ke %1…</translation>
    </message>
    <message>
        <source>Offline, retrying in %1: %2</source>
        <translation>Offline, mencoba lagi dalam %1: %2</translation>
    </message>
    <message>
        <source>%1 removed this device: unpair and pair again in Settings with a new code</source>
        <translation>%1 menghapus perangkat ini: putuskan lalu hubungkan lagi di Pengaturan dengan kode baru</translation>
    </message>
    <message>
        <source>%1 refused to send your bookings (HTTP %2), so TalentDesk stopped asking. Tell your agency, then press Retry now.</source>
        <translation>%1 menolak mengirim booking kamu (HTTP %2), jadi TalentDesk berhenti meminta. Beri tahu agensi kamu, lalu tekan Coba lagi sekarang.</translation>
    </message>
    <message>
        <source>%1 isn&apos;t letting this device sync for now. Trying again in %2.</source>
        <translation>Untuk sementara %1 tidak mengizinkan perangkat ini sinkron. Mencoba lagi dalam %2.</translation>
    </message>
    <message>
        <source>%1&apos;s address no longer serves bookings (HTTP %2). Trying again in %3; ask your agency whether its address changed.</source>
        <translation>Alamat %1 tidak lagi melayani booking (HTTP %2). Mencoba lagi dalam %3; tanyakan ke agensi kamu apakah alamatnya berubah.</translation>
    </message>
    <message>
        <source>TalentDesk ran into an internal problem and starts syncing again in %1</source>
        <translation>TalentDesk mengalami masalah internal dan mulai sinkron lagi dalam %1</translation>
    </message>
    <message>
        <source>Retrying: %1</source>
        <translation>Mencoba lagi: %1</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>Tersambung</translation>
    </message>
    <message>
        <source>Offline: %1</source>
        <translation>Sedang offline: %1</translation>
    </message>
    <message>
        <source>Connected to %2 as %1</source>
        <translation>Tersambung ke %2 sebagai %1</translation>
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
    <message>
        <source>Retrying in %1: %2</source>
        <translation>Mencoba lagi dalam %1: %2</translation>
    </message>
    <message>
        <source>(it asked to wait %1; TalentDesk waits at most %2, or press Retry now)</source>
        <translation>(agensi minta menunggu %1; TalentDesk menunggu paling lama %2, atau tekan Coba lagi sekarang)</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Menyambung…</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Sedang offline</translation>
    </message>
    <message>
        <source>Retrying</source>
        <translation>Mencoba lagi</translation>
    </message>
    <message>
        <source>%1 · retry in %2 s</source>
        <translation>%1 · coba lagi dalam %2 dtk</translation>
    </message>
    <message>
        <source>Token refused</source>
        <translation>Token ditolak</translation>
    </message>
    <message>
        <source>Not syncing</source>
        <translation>Tidak sinkron</translation>
    </message>
    <message>
        <source>Not paired</source>
        <translation>Belum terhubung</translation>
    </message>
    <message numerus="yes">
        <source>%n waiting</source>
        <translation>
            <numerusform>%n antre</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) waiting to be sent: %1</source>
        <translation>
            <numerusform>%n item antre untuk dikirim: %1</numerusform>
        </translation>
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
        <source>Retry now</source>
        <translation>Coba lagi sekarang</translation>
    </message>
    <message>
        <source>Ask your agency again now instead of waiting</source>
        <translation>Tanya agensi lagi sekarang, tanpa menunggu</translation>
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
        <translation>ditanggapi supervisor</translation>
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
    <name>TalentDeskApp</name>
    <message>
        <source>A shortcut is taken</source>
        <extracomment>Opens the workspace of an unlocked vault (the composition layer&apos;s; the view builds none). The notice that a pace hotkey is another app&apos;s (withdrawn once the keys are free). How long a start looks for the vault quietly before the unlock screen says it waits.</extracomment>
        <translation>Pintasan sudah dipakai</translation>
    </message>
    <message>
        <source>Another app already uses %1, so TalentDesk cannot hear it. Choose another in Settings → During a session.</source>
        <translation>Aplikasi lain sudah memakai %1, jadi TalentDesk tidak bisa mendengarnya. Pilih kombinasi lain di Pengaturan → Selama sesi.</translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s) left</source>
        <translation>
            <numerusform>Sisa %n menit</numerusform>
        </translation>
    </message>
    <message>
        <source>Start wrapping up the conversation.</source>
        <translation>Mulai arahkan obrolan ke penutup.</translation>
    </message>
    <message>
        <source>The booked time is up</source>
        <translation>Waktu yang dipesan sudah habis</translation>
    </message>
    <message>
        <source>Close the session politely. To extend, the customer asks the agency.</source>
        <translation>Tutup sesi dengan sopan. Kalau mau perpanjang, pelanggan minta lewat agensi.</translation>
    </message>
</context>
<context>
    <name>TodayPage</name>
    <message>
        <source>Check before you accept</source>
        <extracomment>How often the list is loaded again without news (times roll over midnight). The longest decline reason the agency accepts. The list&apos;s least height, and how many bookings it shows before it scrolls. Characters of a package&apos;s name that must fit beside the other columns; on a narrower table the package&apos;s details go under its name.</extracomment>
        <translation>Periksa dulu sebelum menerima</translation>
    </message>
    <message>
        <source>Before you accept the booking at %1 (%2):</source>
        <translation>Sebelum kamu menerima booking pukul %1 (%2):</translation>
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
        <source>This booking cannot be accepted</source>
        <translation>Booking ini tidak bisa diterima</translation>
    </message>
    <message>
        <source>The booking at %1 (%2) is at the same time as:</source>
        <translation>Booking pukul %1 (%2) bentrok waktunya dengan:</translation>
    </message>
    <message>
        <source>your booking at %1 (%2)</source>
        <translation>booking kamu pukul %1 (%2)</translation>
    </message>
    <message>
        <source>You can&apos;t be in two sessions at once. Decline it, or ask your agency to move one of them.</source>
        <translation>Kamu tidak bisa menjalani dua sesi sekaligus. Tolak booking ini, atau minta agensi memindahkan salah satunya.</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>Oke</translation>
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
        <translation>Tolak booking pukul %1 (%2)?

Kamu bisa memberi tahu agensi alasannya (boleh dikosongkan):</translation>
    </message>
    <message>
        <source>Decline</source>
        <translation>Tolak</translation>
    </message>
    <message>
        <source>Don&apos;t decline</source>
        <translation>Jangan tolak</translation>
    </message>
    <message>
        <source>You accepted the booking at %1 (%2).</source>
        <translation>Kamu menerima booking pukul %1 (%2).</translation>
    </message>
    <message>
        <source>You declined the booking at %1 (%2).</source>
        <translation>Kamu menolak booking pukul %1 (%2).</translation>
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
        <source>This booking is at the same time as another session of yours, so it cannot be accepted. Decline it, or ask your agency to move one of them.</source>
        <translation>Booking ini bentrok waktunya dengan sesi kamu yang lain, jadi tidak bisa diterima. Tolak booking ini, atau minta agensi memindahkan salah satunya.</translation>
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
    <name>TotalsCard</name>
    <message>
        <source>%1 min</source>
        <translation>%1 menit</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 jam %2 menit</translation>
    </message>
</context>
<context>
    <name>UnlockScreen</name>
    <message>
        <source>your shift desk</source>
        <translation>teman kerja selama shift</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>Bahasa:</translation>
    </message>
</context>
<context>
    <name>WelcomeStep</name>
    <message>
        <source>Welcome to TalentDesk</source>
        <translation>Selamat datang di TalentDesk</translation>
    </message>
    <message>
        <source>Your desk for the sessions your agency books. Two things first: the language you want, and the name you work under.</source>
        <translation>Tempat kamu mengatur sesi yang dipesan lewat agensi. Dua hal dulu: bahasa yang kamu mau, dan nama kerja kamu.</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Bahasa</translation>
    </message>
    <message>
        <source>Your &amp;working name (you can add it later)</source>
        <translation>&amp;Nama kerja kamu (bisa diisi nanti)</translation>
    </message>
    <message>
        <source>e.g. Sari</source>
        <translation>misalnya Sari</translation>
    </message>
    <message>
        <source>The name your agency gives you for customers. Replies fill it in where they say {talent}. Never your real name.</source>
        <translation>Nama yang diberikan agensi untuk kamu di depan pelanggan. Balasan mengisinya di bagian {talent}. Jangan pakai nama asli kamu.</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>Lanjut</translation>
    </message>
</context>
<context>
    <name>WorkingNameSection</name>
    <message>
        <source>Your working name</source>
        <translation>Nama kerja kamu</translation>
    </message>
    <message>
        <source>The name you work under, as your agency knows you to customers. Replies fill it in where they say {talent}. Never use your real name here.</source>
        <translation>Nama yang kamu pakai saat bekerja, seperti yang dikenal pelanggan lewat agensi. Balasan mengisinya di bagian {talent}. Jangan pakai nama asli kamu di sini.</translation>
    </message>
    <message>
        <source>Working name</source>
        <translation>Nama kerja</translation>
    </message>
    <message>
        <source>e.g. Sari</source>
        <translation>misalnya Sari</translation>
    </message>
    <message>
        <source>Save name</source>
        <translation>Simpan nama</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Tersimpan.</translation>
    </message>
    <message>
        <source>Could not be saved. Try again.</source>
        <translation>Tidak bisa disimpan. Coba lagi.</translation>
    </message>
    <message>
        <source>Not set yet: replies that use {talent} would leave it out.</source>
        <translation>Belum diisi: balasan yang memakai {talent} akan kosong di bagian itu.</translation>
    </message>
</context>
</TS>
