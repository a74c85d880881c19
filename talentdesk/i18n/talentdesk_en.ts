<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US" sourcelanguage="en_US">
<context>
    <name>BoundariesPage</name>
    <message>
        <source>Boundaries</source>
        <translation>Boundaries</translation>
    </message>
    <message>
        <source>No boundaries set yet</source>
        <translation>No boundaries set yet</translation>
    </message>
    <message>
        <source>Your boundaries appear here: what is OK, what you want to be asked about first, and what you never do.</source>
        <translation>Your boundaries appear here: what is OK, what you want to be asked about first, and what you never do.</translation>
    </message>
    <message>
        <source>Your agency&apos;s boundary presets arrive when you pair with your agency; you can then adjust each one to suit you.</source>
        <translation>Your agency&apos;s boundary presets arrive when you pair with your agency; you can then adjust each one to suit you.</translation>
    </message>
</context>
<context>
    <name>BusyStep</name>
    <message>
        <source>Creating your vault…</source>
        <translation>Creating your vault…</translation>
    </message>
    <message>
        <source>Setting up encryption. This takes a moment.</source>
        <translation>Setting up encryption. This takes a moment.</translation>
    </message>
    <message>
        <source>Opening your vault…</source>
        <translation>Opening your vault…</translation>
    </message>
    <message>
        <source>Checking your key. This takes a moment.</source>
        <translation>Checking your key. This takes a moment.</translation>
    </message>
    <message>
        <source>Starting TalentDesk…</source>
        <translation>Starting TalentDesk…</translation>
    </message>
    <message>
        <source>Looking for your vault.</source>
        <translation>Looking for your vault.</translation>
    </message>
</context>
<context>
    <name>LockedStep</name>
    <message>
        <source>TalentDesk is locked</source>
        <translation>TalentDesk is locked</translation>
    </message>
    <message>
        <source>Your vault was closed to keep it safe. Press Unlock to open it again with the key in your system keyring.</source>
        <translation>Your vault was closed to keep it safe. Press Unlock to open it again with the key in your system keyring.</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Unlock</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Today</source>
        <translation>Today</translation>
    </message>
    <message>
        <source>Boundaries</source>
        <translation>Boundaries</translation>
    </message>
    <message>
        <source>Replies</source>
        <translation>Replies</translation>
    </message>
    <message>
        <source>Safety</source>
        <translation>Safety</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>Vault unlocked · protected by your system keyring</source>
        <translation>Vault unlocked · protected by your system keyring</translation>
    </message>
    <message>
        <source>Vault unlocked · protected by your passphrase</source>
        <translation>Vault unlocked · protected by your passphrase</translation>
    </message>
    <message>
        <source>Demo mode</source>
        <translation>Demo mode</translation>
    </message>
    <message>
        <source>Agency: not paired</source>
        <translation>Agency: not paired</translation>
    </message>
    <message>
        <source>Lock now</source>
        <translation>Lock now</translation>
    </message>
</context>
<context>
    <name>NewPassphraseStep</name>
    <message>
        <source>Protect your vault with a passphrase</source>
        <translation>Protect your vault with a passphrase</translation>
    </message>
    <message>
        <source>A system keyring was found but could not be used (%1), so a passphrase that you choose will protect your vault.</source>
        <translation>A system keyring was found but could not be used (%1), so a passphrase that you choose will protect your vault.</translation>
    </message>
    <message>
        <source>This computer has no system keyring, so a passphrase that you choose will protect your vault. You&apos;ll type it each time you open TalentDesk.</source>
        <translation>This computer has no system keyring, so a passphrase that you choose will protect your vault. You&apos;ll type it each time you open TalentDesk.</translation>
    </message>
    <message>
        <source>Good to know: with a passphrase only, the promise that a customer&apos;s data can&apos;t be recovered after a session is shredded is weaker. Old copies can stay in free disk space, and someone who later learns your passphrase could decrypt them. A system keyring gives the full guarantee.</source>
        <translation>Good to know: with a passphrase only, the promise that a customer&apos;s data can&apos;t be recovered after a session is shredded is weaker. Old copies can stay in free disk space, and someone who later learns your passphrase could decrypt them. A system keyring gives the full guarantee.</translation>
    </message>
    <message>
        <source>&amp;New passphrase</source>
        <translation>&amp;New passphrase</translation>
    </message>
    <message>
        <source>At least %1 characters</source>
        <translation>At least %1 characters</translation>
    </message>
    <message>
        <source>Type it &amp;again</source>
        <translation>Type it &amp;again</translation>
    </message>
    <message>
        <source>If you forget it, nobody can open your vault, not even your agency.</source>
        <translation>If you forget it, nobody can open your vault, not even your agency.</translation>
    </message>
    <message>
        <source>Creating…</source>
        <translation>Creating…</translation>
    </message>
    <message>
        <source>Create my vault</source>
        <translation>Create my vault</translation>
    </message>
    <message>
        <source>Your passphrase needs at least %1 characters.</source>
        <translation>Your passphrase needs at least %1 characters.</translation>
    </message>
    <message>
        <source>The two passphrases don&apos;t match. Type them again.</source>
        <translation>The two passphrases don&apos;t match. Type them again.</translation>
    </message>
</context>
<context>
    <name>PassphraseStep</name>
    <message>
        <source>TalentDesk is locked</source>
        <translation>TalentDesk is locked</translation>
    </message>
    <message>
        <source>Your vault was closed to keep it safe. Type your passphrase to continue.</source>
        <translation>Your vault was closed to keep it safe. Type your passphrase to continue.</translation>
    </message>
    <message>
        <source>Unlock TalentDesk</source>
        <translation>Unlock TalentDesk</translation>
    </message>
    <message>
        <source>Type your passphrase to open your vault.</source>
        <translation>Type your passphrase to open your vault.</translation>
    </message>
    <message>
        <source>&amp;Passphrase</source>
        <translation>&amp;Passphrase</translation>
    </message>
    <message>
        <source>Unlocking…</source>
        <translation>Unlocking…</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Unlock</translation>
    </message>
    <message>
        <source>That passphrase is wrong. Check it (and Caps Lock) and try again.</source>
        <translation>That passphrase is wrong. Check it (and Caps Lock) and try again.</translation>
    </message>
    <message>
        <source>Type your passphrase first.</source>
        <translation>Type your passphrase first.</translation>
    </message>
</context>
<context>
    <name>ProblemStep</name>
    <message>
        <source>Details: %1</source>
        <translation>Details: %1</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Try again</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>The system keyring can&apos;t be reached</source>
        <translation>The system keyring can&apos;t be reached</translation>
    </message>
    <message>
        <source>Your vault&apos;s key is kept in the system keyring, and TalentDesk couldn&apos;t reach it. Make sure you&apos;re logged in to your desktop as usual and that the keyring (for example GNOME Keyring or KWallet) is running and unlocked, then press Try again.</source>
        <translation>Your vault&apos;s key is kept in the system keyring, and TalentDesk couldn&apos;t reach it. Make sure you&apos;re logged in to your desktop as usual and that the keyring (for example GNOME Keyring or KWallet) is running and unlocked, then press Try again.</translation>
    </message>
    <message>
        <source>The key to your vault is missing</source>
        <translation>The key to your vault is missing</translation>
    </message>
    <message>
        <source>The system keyring answered, but it doesn&apos;t hold the key to this vault. That happens when the keyring was reset, or the vault was copied from another computer or user account. Without that key the vault can&apos;t be opened. If you have a backup of your keyring, restore it and press Try again; otherwise ask your agency&apos;s technical support for help.</source>
        <translation>The system keyring answered, but it doesn&apos;t hold the key to this vault. That happens when the keyring was reset, or the vault was copied from another computer or user account. Without that key the vault can&apos;t be opened. If you have a backup of your keyring, restore it and press Try again; otherwise ask your agency&apos;s technical support for help.</translation>
    </message>
    <message>
        <source>This vault needs a newer TalentDesk</source>
        <translation>This vault needs a newer TalentDesk</translation>
    </message>
    <message>
        <source>Your vault was saved by a newer version of TalentDesk (vault version %1); this version knows up to %2. Update TalentDesk, then open it again.</source>
        <translation>Your vault was saved by a newer version of TalentDesk (vault version %1); this version knows up to %2. Update TalentDesk, then open it again.</translation>
    </message>
    <message>
        <source>The vault file can&apos;t be read</source>
        <translation>The vault file can&apos;t be read</translation>
    </message>
    <message>
        <source>The file %1 isn&apos;t a TalentDesk vault, or its header is damaged. TalentDesk hasn&apos;t changed it. Restore it from a backup, or ask your agency&apos;s technical support for help.</source>
        <translation>The file %1 isn&apos;t a TalentDesk vault, or its header is damaged. TalentDesk hasn&apos;t changed it. Restore it from a backup, or ask your agency&apos;s technical support for help.</translation>
    </message>
    <message>
        <source>TalentDesk couldn&apos;t open your vault</source>
        <translation>TalentDesk couldn&apos;t open your vault</translation>
    </message>
    <message>
        <source>Something went wrong while opening your vault. Press Try again; if it keeps happening, send the details below to your agency&apos;s technical support.</source>
        <translation>Something went wrong while opening your vault. Press Try again; if it keeps happening, send the details below to your agency&apos;s technical support.</translation>
    </message>
    <message>
        <source>Something went wrong</source>
        <translation>Something went wrong</translation>
    </message>
    <message>
        <source>TalentDesk hit an unexpected error while opening your vault. Press Try again; if it keeps happening, send the details below to your agency&apos;s technical support.</source>
        <translation>TalentDesk hit an unexpected error while opening your vault. Press Try again; if it keeps happening, send the details below to your agency&apos;s technical support.</translation>
    </message>
</context>
<context>
    <name>ReadyStep</name>
    <message>
        <source>Your vault is ready</source>
        <translation>Your vault is ready</translation>
    </message>
    <message>
        <source>Its key is kept in your system keyring: %1.</source>
        <translation>Its key is kept in your system keyring: %1.</translation>
    </message>
    <message>
        <source>You don&apos;t need a passphrase: the vault opens by itself while you&apos;re logged in to this computer. When a session ends, its customer data is shredded, and even old copies left on the disk can no longer be decrypted.</source>
        <translation>You don&apos;t need a passphrase: the vault opens by itself while you&apos;re logged in to this computer. When a session ends, its customer data is shredded, and even old copies left on the disk can no longer be decrypted.</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>Continue</translation>
    </message>
</context>
<context>
    <name>RepliesPage</name>
    <message>
        <source>Replies</source>
        <translation>Replies</translation>
    </message>
    <message>
        <source>No ready replies yet</source>
        <translation>No ready replies yet</translation>
    </message>
    <message>
        <source>Your ready replies appear here: opening and closing replies, and decline replies (polite decline, humour, offer an alternative) for requests outside your boundaries, each one click away during a session.</source>
        <translation>Your ready replies appear here: opening and closing replies, and decline replies (polite decline, humour, offer an alternative) for requests outside your boundaries, each one click away during a session.</translation>
    </message>
    <message>
        <source>Your agency&apos;s default replies arrive when you pair with your agency; you can edit them and add your own.</source>
        <translation>Your agency&apos;s default replies arrive when you pair with your agency; you can edit them and add your own.</translation>
    </message>
</context>
<context>
    <name>SafetyPage</name>
    <message>
        <source>Safety</source>
        <translation>Safety</translation>
    </message>
    <message>
        <source>No escalations or reports</source>
        <translation>No escalations or reports</translation>
    </message>
    <message>
        <source>When you ask a supervisor for help during a session, or file an incident report, it appears here with its ticket number and progress: queued, delivered, acknowledged, resolved.</source>
        <translation>When you ask a supervisor for help during a session, or file an incident report, it appears here with its ticket number and progress: queued, delivered, acknowledged, resolved.</translation>
    </message>
    <message>
        <source>Your agency&apos;s emergency contacts and crisis guidance appear here once you pair with your agency in Settings.</source>
        <translation>Your agency&apos;s emergency contacts and crisis guidance appear here once you pair with your agency in Settings.</translation>
    </message>
    <message>
        <source>Open Settings</source>
        <translation>Open Settings</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>Language of the app</source>
        <translation>Language of the app</translation>
    </message>
    <message>
        <source>Auto-lock</source>
        <translation>Auto-lock</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Never</translation>
    </message>
    <message numerus="yes">
        <source>After %n minute(s)</source>
        <translation>
            <numerusform>After %n minute</numerusform>
            <numerusform>After %n minutes</numerusform>
        </translation>
    </message>
    <message>
        <source>TalentDesk locks itself and closes your vault when you haven&apos;t used the keyboard or mouse in it for a while.</source>
        <translation>TalentDesk locks itself and closes your vault when you haven&apos;t used the keyboard or mouse in it for a while.</translation>
    </message>
    <message>
        <source>Lock automatically</source>
        <translation>Lock automatically</translation>
    </message>
    <message>
        <source>Vault</source>
        <translation>Vault</translation>
    </message>
    <message>
        <source>Protected by your system keyring: %1.</source>
        <translation>Protected by your system keyring: %1.</translation>
    </message>
    <message>
        <source>When a session ends, its customer data is shredded, and even old copies left on the disk can no longer be decrypted.</source>
        <translation>When a session ends, its customer data is shredded, and even old copies left on the disk can no longer be decrypted.</translation>
    </message>
    <message>
        <source>Protected by your passphrase (no system keyring).</source>
        <translation>Protected by your passphrase (no system keyring).</translation>
    </message>
    <message>
        <source>With a passphrase only, shredded customer data is less safe: old copies in free disk space could be decrypted by someone who later learns your passphrase. A system keyring gives the full guarantee.</source>
        <translation>With a passphrase only, shredded customer data is less safe: old copies in free disk space could be decrypted by someone who later learns your passphrase. A system keyring gives the full guarantee.</translation>
    </message>
    <message>
        <source>Vault version: %1</source>
        <translation>Vault version: %1</translation>
    </message>
    <message>
        <source>Lock now</source>
        <translation>Lock now</translation>
    </message>
    <message>
        <source>Agency</source>
        <translation>Agency</translation>
    </message>
    <message>
        <source>Not paired with an agency yet.</source>
        <translation>Not paired with an agency yet.</translation>
    </message>
    <message>
        <source>Pairing comes in an upcoming version of TalentDesk: you&apos;ll type the one-time code your agency gives you here, and your bookings will start to arrive.</source>
        <translation>Pairing comes in an upcoming version of TalentDesk: you&apos;ll type the one-time code your agency gives you here, and your bookings will start to arrive.</translation>
    </message>
    <message>
        <source>About</source>
        <translation>About</translation>
    </message>
    <message>
        <source>TalentDesk %1
Data folder: %2</source>
        <translation>TalentDesk %1
Data folder: %2</translation>
    </message>
</context>
<context>
    <name>TodayPage</name>
    <message>
        <source>Today</source>
        <translation>Today</translation>
    </message>
    <message>
        <source>No bookings yet</source>
        <translation>No bookings yet</translation>
    </message>
    <message>
        <source>Your bookings for today and tonight appear here when your agency sends them, each with its package and start time, so you can start and end every session on time.</source>
        <translation>Your bookings for today and tonight appear here when your agency sends them, each with its package and start time, so you can start and end every session on time.</translation>
    </message>
    <message>
        <source>To receive bookings, pair TalentDesk with your agency in Settings.</source>
        <translation>To receive bookings, pair TalentDesk with your agency in Settings.</translation>
    </message>
    <message>
        <source>Open Settings</source>
        <translation>Open Settings</translation>
    </message>
</context>
<context>
    <name>UnlockScreen</name>
    <message>
        <source>your shift desk</source>
        <translation>your shift desk</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>Language:</translation>
    </message>
</context>
</TS>
