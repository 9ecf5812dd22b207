rem *****
rem *          start.bat          *
rem *                               *
rem *****

rem *****
rem 起動要因チェック
rem *****
IF "%ARMS_EVENT%" == "START" GOTO NORMAL


IF "%ARMS_EVENT%" == "FAILOVER" GOTO FAILOVER
IF "%ARMS_EVENT%" == "RECOVER" GOTO RECOVER

rem ActiveRecoveryManager 未動作
GOTO no_arm

rem *****
rem 通常起動対応処理
rem *****
:NORMAL

rem ディスクチェック
IF "%ARMS_DISK%" == "FAILURE" GOTO ERROR_DISK

rem *** JobCenter ***
ARMLoad JOBSTART /M /U JobCenter管理者アカウント
"d:\JobCenter\SV\bin\cluster\cjcpw" "testsite" "x:\Jobdb"

rem *****
rem 業務通常処理
rem *****

rem ARMRSPでリソースが異常状態のときにフェイルオーバーを発生させる
rem ARMRSPが異常状態になったとき、ARMLoadでサーバシャットダウンを発生させる
rem (例)ARMLoad watchID /R 9 /H 1 ARMRSP /A /PL 10.10.9.8 /PL 10.10.9.9

rem プライオリティチェック
IF "%ARMS_SERVER%" == "OTHER" GOTO ON_OTHER1

rem *****
rem 最高プライオリティでの処理
rem (例) ARMBroadcast /MSG "最高プライオリティサーバで起動中です" /A
rem *****
GOTO EXIT

:ON_OTHER1
rem *****
rem 最高プライオリティ以外での処理
rem (例) ARMBroadcast /MSG "プライオリティサーバ以外で起動中です" /A
rem *****
GOTO EXIT

rem *****
rem リカバリ対応処理
rem *****
:RECOVER

rem *****
rem クラスタ復帰後のリカバリ処理
rem *****
GOTO EXIT

rem *****
rem フェイルオーバー対応処理
rem *****
:FAILOVER

rem ディスクチェック



IF "%ARMS_DISK%" == "FAILURE" GOTO ERROR_DISK

rem *** JobCenter ***
ARMLOAD JOBSTART /M /U JobCenter管理者アカウント "d:\JobCenter\SV\bin\cluster\cjcpw"
"testsite" "x:\Jobdb"

rem *****
rem フェイルオーバー後の業務起動ならびに復旧処理
rem *****

rem ARMRSPでリソースが異常の際にフェイルオーバーを発生させる
rem ARMLoadでサーバシャットダウンを発生させる
rem (例)ARMLOAD watchID /R 9 /H 1 ARMRSP /A /PL 10.10.9.8 /PL 10.10.9.9

rem プライオリティチェック
IF "%ARMS_SERVER%" == "OTHER" GOTO ON_OTHER2

rem *****
rem 最高プライオリティでの処理
rem (例) ARMBroadcast /MSG "最高プライオリティサーバで起動中です(フェイルオーバー後)" /A
rem *****
GOTO EXIT

:ON_OTHER2
rem *****
rem 最高プライオリティ以外での処理
rem (例) ARMBroadcast /MSG "プライオリティサーバ以外で起動中です(フェイルオーバー後)" /A
rem *****
GOTO EXIT

rem *****
rem 例外処理
rem *****

rem ディスク関連エラー処理
:ERROR_DISK
ARMBroadcast /MSG "切替パーティションの接続に失敗しました" /A
GOTO EXIT

rem ARM 未動作
:no_arm
ARMBroadcast /MSG "ActiveRecoveryManagerが動作状態にありません" /A

:EXIT
