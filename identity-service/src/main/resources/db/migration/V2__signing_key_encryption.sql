-- The stored form of private_key: 'none' for PKCS#8 DER as generated, 'aes-256-gcm' for a 12-byte
-- nonce followed by the AES-256-GCM ciphertext and tag of that DER, with the kid as associated data.
ALTER TABLE signing_keys
    ADD COLUMN private_key_encryption text NOT NULL DEFAULT 'none'
        CHECK (private_key_encryption IN ('none', 'aes-256-gcm'));
