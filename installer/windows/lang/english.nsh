; English texts of the installer's own pages and messages (the standard pages use NSIS's
; English.nlf). Every name here has its Vietnamese twin in vietnamese.nsh, in the same
; order: tests/packaging/test_nsis.py checks that they pair up.

LangString KioskUserTitle ${LANG_ENGLISH} "Kiosk account"
LangString KioskUserSubtitle ${LANG_ENGLISH} "The dedicated Windows account the kiosk runs as."
LangString KioskUserLabel ${LANG_ENGLISH} "Name of the Windows account that runs the kiosk (a standard account, not an administrator). The kiosk starts when this account signs in; only this account can read the kiosk's data."
LangString MsgUserEmpty ${LANG_ENGLISH} "Please enter the name of the Windows account that runs the kiosk."
LangString MsgNoUser ${LANG_ENGLISH} "There is no Windows account “$KioskUser” on this computer. Please create it first (Settings > Accounts > Other users), or use an existing account. Nothing was changed."
LangString MsgNeeds64 ${LANG_ENGLISH} "Một Cửa Kiosk needs 64-bit Windows. Nothing was changed."
LangString MsgAclFailed ${LANG_ENGLISH} "Could not make the folder $DataRoot private (icacls error $0). Please run the installer again as an administrator."
LangString MsgTaskFailed ${LANG_ENGLISH} "Could not register the kiosk's start in Task Scheduler (schtasks error $0). Please check that the Task Scheduler service is running, then run the installer again."
LangString FinishText ${LANG_ENGLISH} "Một Cửa Kiosk is installed.$\r$\n$\r$\nSetup code: $SetupCode$\r$\n$\r$\nPlease write this code down. When the account “$KioskUser” first signs in, the kiosk opens and asks for this code to start its setup (centre name, kiosk number, server, printers). The code is also in the file $DataRoot\kiosk.toml."
LangString FinishTextKept ${LANG_ENGLISH} "Một Cửa Kiosk is updated.$\r$\n$\r$\nThe settings in $DataRoot\kiosk.toml and the kiosk's data are kept."
LangString DetailDataKept ${LANG_ENGLISH} "The kiosk's settings and data stay in $DataRoot. To remove them too, uninstall with /PURGE."
LangString MsgBadSetupCode ${LANG_ENGLISH} "The setup code “$SetupCode” cannot be used: please use 8 to 64 letters without accents, digits or dashes. Nothing was changed."
