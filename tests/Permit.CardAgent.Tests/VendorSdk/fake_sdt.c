/*
 * TEST ONLY: a stand-in for a vendor's ID card reader library, exporting the SDT_* interface (sdtapi) and the CVR_*
 * family (termb) so the card agent's vendor path can be driven without a reader. It answers from fixture files in the
 * folder the library itself was loaded from (each test copies the library into its own folder), read at every call:
 *   card.txt  the 256-byte text block of the card on the "reader" (no file: no card);
 *   card.wlt  the photo block the card gives (no file: none);
 *   fail      lines "FUNCTION CODE" (decimal or 0x hex): that function answers CODE instead of succeeding.
 * CVR_Read_Content writes wz.txt and xp.wlt into the same folder, as the real libraries write into their working folder.
 * Built by the tests with: gcc -shared -fPIC -o libfakesdt.so fake_sdt.c
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define TEXT_LENGTH 256
#define MAX_PHOTO 4096

static int port_open = 0;
static int cvr_port_open = 0;
static int cvr_card_selected = 0;

static void folder_of_library(char *folder, size_t size)
{
    Dl_info info;
    char path[4096];
    folder[0] = '\0';
    if (dladdr((void *)&folder_of_library, &info) == 0 || info.dli_fname == NULL)
        return;
    snprintf(path, sizeof path, "%s", info.dli_fname);
    snprintf(folder, size, "%s", dirname(path));
}

static void fixture_path(const char *name, char *path, size_t size)
{
    char folder[4096];
    folder_of_library(folder, sizeof folder);
    snprintf(path, size, "%s/%s", folder, name);
}

/* The code the fail file gives FUNCTION, or fallback. */
static int answer(const char *function, int fallback)
{
    char path[4200], line[256], name[128];
    fixture_path("fail", path, sizeof path);
    FILE *f = fopen(path, "r");
    if (f == NULL)
        return fallback;
    int code = fallback;
    while (fgets(line, sizeof line, f) != NULL)
    {
        char number[64];
        if (sscanf(line, "%127s %63s", name, number) == 2 && strcmp(name, function) == 0)
        {
            code = (int)strtol(number, NULL, 0);
            break;
        }
    }
    fclose(f);
    return code;
}

/* Reads a fixture file; returns its length, or -1 when it does not exist. */
static long read_fixture(const char *name, unsigned char *buffer, long capacity)
{
    char path[4200];
    fixture_path(name, path, sizeof path);
    FILE *f = fopen(path, "rb");
    if (f == NULL)
        return -1;
    long length = (long)fread(buffer, 1, (size_t)capacity, f);
    fclose(f);
    return length;
}

static int card_present(void)
{
    unsigned char text[TEXT_LENGTH];
    return read_fixture("card.txt", text, sizeof text) == TEXT_LENGTH;
}

/* ---- SDT_* (answers 0x90 done, 0x9F card found, 0x80 no card, 0x81 select failed, 0x41 read failed) ---- */

int SDT_OpenPort(int port)
{
    int code = answer("SDT_OpenPort", 0x90);
    port_open = code == 0x90 && port > 0;
    return port > 0 ? code : 0x01;
}

int SDT_ClosePort(int port)
{
    (void)port;
    port_open = 0;
    return answer("SDT_ClosePort", 0x90);
}

int SDT_StartFindIDCard(int port, unsigned char *management, int open_itself)
{
    (void)port; (void)open_itself;
    if (!port_open)
        return 0x01;
    memset(management, 0, 8);
    return answer("SDT_StartFindIDCard", card_present() ? 0x9F : 0x80);
}

int SDT_SelectIDCard(int port, unsigned char *management, int open_itself)
{
    (void)port; (void)open_itself;
    if (!port_open)
        return 0x01;
    memset(management, 0, 8);
    return answer("SDT_SelectIDCard", card_present() ? 0x90 : 0x81);
}

int SDT_ReadBaseMsg(int port, unsigned char *text, unsigned int *text_length, unsigned char *photo, unsigned int *photo_length, int open_itself)
{
    (void)port; (void)open_itself;
    if (!port_open)
        return 0x01;
    int code = answer("SDT_ReadBaseMsg", 0x90);
    if (code != 0x90)
        return code;
    long t = read_fixture("card.txt", text, TEXT_LENGTH);
    if (t != TEXT_LENGTH)
        return 0x41;
    long p = read_fixture("card.wlt", photo, 1024);
    *text_length = (unsigned int)t;
    *photo_length = p < 0 ? 0 : (unsigned int)p;
    return 0x90;
}

/* ---- CVR_* (answers 1 done; InitComm 2 port failed; Authenticate 2 no card; Read_Content 0 read failed) ---- */

int CVR_InitComm(int port)
{
    int code = answer("CVR_InitComm", 1);
    cvr_port_open = code == 1 && port > 0;
    return port > 0 ? code : 2;
}

int CVR_Authenticate(void)
{
    if (!cvr_port_open)
        return 4;
    int code = answer("CVR_Authenticate", card_present() ? 1 : 2);
    cvr_card_selected = code == 1;
    return code;
}

static int write_output(const char *name, const unsigned char *bytes, long length)
{
    char path[4200];
    fixture_path(name, path, sizeof path);
    FILE *f = fopen(path, "wb");
    if (f == NULL)
        return 0;
    fwrite(bytes, 1, (size_t)length, f);
    fclose(f);
    return 1;
}

int CVR_Read_Content(int active)
{
    (void)active;
    if (!cvr_port_open)
        return 4;
    int code = answer("CVR_Read_Content", 1);
    if (code != 1 || !cvr_card_selected)
        return code != 1 ? code : 0;
    unsigned char text[TEXT_LENGTH], photo[MAX_PHOTO];
    if (read_fixture("card.txt", text, TEXT_LENGTH) != TEXT_LENGTH)
        return 0;
    long p = read_fixture("card.wlt", photo, sizeof photo);
    if (!write_output("wz.txt", text, TEXT_LENGTH))
        return 99;
    if (p > 0 && !write_output("xp.wlt", photo, p))
        return 99;
    return 1;
}

int CVR_CloseComm(void)
{
    cvr_port_open = 0;
    cvr_card_selected = 0;
    return 1;
}
